using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace SmartyAssess.Recommender.MLNet;

/// <summary>Hyperparameters of <see cref="MlNetLambdaRankTrainer"/>.</summary>
/// <param name="Trees">Boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="MinimumPerLeaf">Fewest labelled pairs in a leaf.</param>
/// <param name="LearningRate">Shrinkage of each tree.</param>
/// <param name="Kappa">Scale of the prior inputs (κ).</param>
/// <param name="Seed">Seed of ML.NET's context and of LightGBM.</param>
/// <param name="Threads">LightGBM's threads: 1 keeps training fast when the machine is busy and the result reproducible.</param>
/// <param name="Features">The feature kinds the trees see besides the prior inputs (as <see cref="FeatureInteractions"/> writes them, or <c>*</c>).</param>
public sealed record MlNetLambdaRankOptions(
    int Trees = 100,
    int Leaves = 8,
    int MinimumPerLeaf = 20,
    double LearningRate = 0.1,
    float Kappa = 4,
    int Seed = 42,
    int Threads = 1,
    string Features = FeatureInteractions.All);

/// <summary>
/// Trains a <see cref="TreeModel"/> with ML.NET's LightGBM LambdaRank: one group per firm, the
/// firm's labelled practices graded 2 (adopted), 1 (relevant or planned) or 0, over the firm's and
/// the practice's features and the prior's inputs, so that trees find the interactions (region ×
/// instrument, or three features at once) instead of a hand-chosen map. The trees are read back
/// into the engine's own model, which scores exactly as ML.NET does (a test checks it).
/// </summary>
public static class MlNetLambdaRankTrainer
{
    /// <summary>Trains a model on labelled pairs, over the feature kinds of <see cref="MlNetLambdaRankOptions.Features"/> and the prior.</summary>
    /// <param name="smes">Every firm the labels may name.</param>
    /// <param name="practices">The candidates.</param>
    /// <param name="labels">Labelled pairs.</param>
    /// <param name="options">Hyperparameters.</param>
    /// <exception cref="FormatException"><see cref="MlNetLambdaRankOptions.Features"/> names an unknown kind.</exception>
    public static RankingModel Train(IReadOnlyList<SmeProfile> smes, IReadOnlyList<PracticeProfile> practices, IReadOnlyList<LabelledPair> labels, MlNetLambdaRankOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Train(TrainingFeatures.Build(smes, practices, labels, options.Features, options.Kappa), options);
    }

    /// <summary>Trains a model on encoded pairs; with no labelled pairs (or no firm with two) it returns the rule prior alone.</summary>
    /// <param name="data">Encoded pairs with their prior terms.</param>
    /// <param name="options">Hyperparameters.</param>
    public static RankingModel Train(TrainingData data, MlNetLambdaRankOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var groups = data.Examples.GroupBy(e => e.Sme).Where(g => g.Count() > 1).ToList();
        if (groups.Count == 0)
        {
            return FmModel.PriorOnly(data.Vocabulary, kappa: options.Kappa, prior: data.Prior);
        }

        var context = new MLContext(options.Seed);
        var parameters = Trainer(context, options).Fit(Rows(context, data, options.Kappa)).Model;
        return Export(parameters, data, options);
    }

    /// <summary>ML.NET's trainer with our columns and hyperparameters.</summary>
    internal static LightGbmRankingTrainer Trainer(MLContext context, MlNetLambdaRankOptions options) =>
        context.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            RowGroupColumnName = nameof(Row.Group),
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = options.Threads,
            Seed = options.Seed,
            Verbose = false,
            Silent = true,
        });

    /// <summary>One row per labelled pair, grouped by firm (groups must be contiguous), dense over the model's features.</summary>
    internal static IDataView Rows(MLContext context, TrainingData data, float kappa)
    {
        var v = data.Vocabulary.Count;
        var width = v + PriorWeights.TermCount + 1;
        var firms = data.Examples.Select(e => e.Sme).Distinct().Order().Select((s, i) => (s, i)).ToDictionary(x => x.s, x => (uint)(x.i + 1));
        var rows = data.Examples.OrderBy(e => e.Sme).ThenBy(e => e.Practice).Select(e =>
        {
            var features = new float[width];
            Add(data.Smes[e.Sme], features);
            Add(data.Practices[e.Practice], features);
            var prior = MlNetFfmTrainer.PriorInputs(data, e.Sme, e.Practice, kappa);
            prior.CopyTo(features, v);
            features[width - 1] = prior.Sum();
            return new Row { Features = features, Label = e.Label > 0 ? (e.Weight >= 2 ? 2 : 1) : 0, Group = firms[e.Sme] };
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        schema[nameof(Row.Group)].ColumnType = new KeyDataViewType(typeof(uint), firms.Count + 1);
        return context.Data.LoadFromEnumerable(rows, schema);
    }

    private static void Add(SparseFeatures features, float[] into)
    {
        for (var j = 0; j < features.Count; j++)
        {
            into[features.Indices[j]] += features.Values[j];
        }
    }

    private static TreeModel Export(LightGbmRankingModelParameters parameters, TrainingData data, MlNetLambdaRankOptions options)
    {
        var ensemble = parameters.TrainedTreeEnsemble;
        var trees = new List<RegressionTree>();
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            var weight = (float)ensemble.TreeWeights[t];
            if (tree.CategoricalSplitFlags.Any(c => c))
            {
                throw new InvalidOperationException("LightGBM made a categorical split; the engine reads numerical splits only.");
            }

            trees.Add(new RegressionTree(
                [.. tree.NumericalSplitFeatureIndexes],
                [.. tree.NumericalSplitThresholds],
                [.. tree.LeftChild],
                [.. tree.RightChild],
                [.. tree.LeafValues.Select(l => (float)l * weight)]));
        }

        return new TreeModel(data.Vocabulary, trees, (float)ensemble.Bias, options.Kappa, data.Prior);
    }

#pragma warning disable CA1812 // ML.NET reads its properties
    internal sealed class Row
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }

        public uint Group { get; set; }
    }
#pragma warning restore CA1812
}
