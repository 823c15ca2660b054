using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace SmartyAssess.Recommender.MLNet;

/// <summary>Hyperparameters of <see cref="MlNetFfmTrainer"/>. The defaults scored best in a small grid on the synthetic worlds (ADR 0021); ML.NET's own (a step of 0.1, radius 0.5, every feature) fit the logged feedback's noise.</summary>
/// <param name="LatentDimension">Length of each latent vector (a multiple of 4 keeps ML.NET's vectors unpadded).</param>
/// <param name="Iterations">Passes over the labelled pairs.</param>
/// <param name="LearningRate">ML.NET's AdaGrad step size.</param>
/// <param name="LambdaLinear">L2 on the linear weights.</param>
/// <param name="LambdaLatent">L2 on the latent vectors.</param>
/// <param name="Kappa">Scale of the prior field's inputs (κ).</param>
/// <param name="Seed">Seed of ML.NET's context: the same data and seed give the same model.</param>
/// <param name="Radius">Latent vectors start uniform in [0, radius).</param>
/// <param name="Features">The feature kinds the model sees besides the prior (as <see cref="FeatureInteractions"/> writes them, or <c>*</c>):
/// by default the firm's context (sector, size, region) and the practice's type (theme, instrument), every pair of them free to interact.</param>
public sealed record MlNetFfmOptions(
    int LatentDimension = 8,
    int Iterations = 40,
    float LearningRate = 0.01f,
    float LambdaLinear = 1e-4f,
    float LambdaLatent = 1e-4f,
    float Kappa = 4,
    int Seed = 42,
    float Radius = 0.2f,
    string Features = MlNetFfmOptions.ContextAndType)
{
    /// <summary>The firm's sector, size and region and the practice's theme and instrument: where affinities between firms and practices plausibly lie, without the identifiers and tags that let the model fit noise.</summary>
    public const string ContextAndType = "u.sector,u.size,u.region,i.theme,i.instrument";
}

/// <summary>
/// Trains an <see cref="FfmModel"/> with ML.NET's field-aware factorisation machine on the same
/// weighted labels as <see cref="FmTrainer"/>: the firm's features, the practice's features and
/// the rule prior's six terms are its three fields. The weights it learns are read back with
/// <c>GetLinearWeights</c> and <c>GetLatentWeights</c> into the engine's own model, which scores
/// exactly as ML.NET does (a test checks it) and explains each score.
/// </summary>
public static class MlNetFfmTrainer
{
    /// <summary>Trains a model on labelled pairs, over the feature kinds of <see cref="MlNetFfmOptions.Features"/> and the prior.</summary>
    /// <param name="smes">Every firm the labels may name.</param>
    /// <param name="practices">The candidates.</param>
    /// <param name="labels">Labelled pairs.</param>
    /// <param name="options">Hyperparameters.</param>
    /// <exception cref="FormatException"><see cref="MlNetFfmOptions.Features"/> names an unknown kind.</exception>
    public static RankingModel Train(IReadOnlyList<SmeProfile> smes, IReadOnlyList<PracticeProfile> practices, IReadOnlyList<LabelledPair> labels, MlNetFfmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Train(TrainingFeatures.Build(smes, practices, labels, options.Features, options.Kappa), options);
    }

    /// <summary>Trains a model on encoded pairs (their vocabulary is used as it is); with no labelled pairs it returns the rule prior alone (<see cref="FmModel.PriorOnly"/>).</summary>
    /// <param name="data">Encoded pairs with their prior terms.</param>
    /// <param name="options">Hyperparameters.</param>
    public static RankingModel Train(TrainingData data, MlNetFfmOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (data.Examples.Count == 0)
        {
            return FmModel.PriorOnly(data.Vocabulary, kappa: options.Kappa, prior: data.Prior);
        }

        var context = new MLContext(options.Seed);
        var view = Rows(context, data, options.Kappa);
        var parameters = Trainer(context, options).Fit(view).Model;
        return Export(parameters, data, options);
    }

    /// <summary>ML.NET's trainer with our fields and hyperparameters.</summary>
    internal static FieldAwareFactorizationMachineTrainer Trainer(MLContext context, MlNetFfmOptions options) =>
        context.BinaryClassification.Trainers.FieldAwareFactorizationMachine(new FieldAwareFactorizationMachineTrainer.Options
        {
            FeatureColumnName = nameof(Row.Firm),
            ExtraFeatureColumns = [nameof(Row.Practice), nameof(Row.Prior)],
            LabelColumnName = nameof(Row.Label),
            LatentDimension = options.LatentDimension,
            NumberOfIterations = options.Iterations,
            LearningRate = options.LearningRate,
            LambdaLinear = options.LambdaLinear,
            LambdaLatent = options.LambdaLatent,
            Radius = options.Radius,
            // Our encoder already scales each side to unit length; ML.NET's own scaling would differ from what the engine serves.
            NormalizeFeatures = false,
            Shuffle = true,
            Verbose = false,
        });

    /// <summary>ML.NET's rows for the labelled pairs, in the fields' order (firm, practice, prior).</summary>
    internal static IDataView Rows(MLContext context, TrainingData data, float kappa)
    {
        // ML.NET 5.0.1's FieldAwareFactorizationMachineTrainer.Fit maps the example-weight column to
        // the feature role (it then refuses it as a feature), so weights cannot be passed. A pair
        // counts instead as often as its weight has tenths (the label weights are 2, 1.5, 1 and 0.2):
        // the same weighted loss, with the copies spread by ML.NET's shuffle.
        var rows = data.Examples.SelectMany(e => Enumerable.Repeat(new Row
        {
            Firm = Sparse(data.Smes[e.Sme], data.Vocabulary.Count),
            Practice = Sparse(data.Practices[e.Practice], data.Vocabulary.Count),
            Prior = PriorInputs(data, e.Sme, e.Practice, kappa),
            Label = e.Label > 0,
        }, Copies(e.Weight))).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Firm)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Vocabulary.Count);
        schema[nameof(Row.Practice)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Vocabulary.Count);
        schema[nameof(Row.Prior)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, PriorWeights.TermCount);
        return context.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>The prior field's inputs of one pair: κ·W_t times the centred term (as <see cref="FfmModel.PriorInputs(RulePrior, SmeProfile, Span{float})"/> computes them when serving).</summary>
    internal static float[] PriorInputs(TrainingData data, int sme, int practice, float kappa)
    {
        const int n = PriorWeights.TermCount;
        var inputs = new float[n];
        if (data.PriorTerms is { } terms)
        {
            var weights = data.Prior.TermWeights();
            var at = ((sme * data.Practices.Count) + practice) * n;
            for (var t = 0; t < n; t++)
            {
                inputs[t] = kappa * (float)weights[t] * terms[at + t];
            }
        }

        return inputs;
    }

    /// <summary>How many rows stand for a pair of this weight: one per tenth, at least one.</summary>
    internal static int Copies(float weight) => Math.Max(1, (int)MathF.Round(weight * 10));

    private static VBuffer<float> Sparse(SparseFeatures features, int length) =>
        new(length, features.Count, [.. features.Values], [.. features.Indices]);

    /// <summary>
    /// ML.NET numbers features field after field (firm: 0…V−1, practice: V…2V−1, prior: 2V…2V+5)
    /// and keeps for each feature one vector per field; the engine keeps a vocabulary feature only
    /// in its own field, so each feature's weights are read from the place of its field.
    /// </summary>
    private static FfmModel Export(FieldAwareFactorizationMachineModelParameters parameters, TrainingData data, MlNetFfmOptions options)
    {
        var v = data.Vocabulary.Count;
        var d = parameters.LatentDimension;
        var fields = parameters.FieldCount;
        var linear = parameters.GetLinearWeights().ToArray();
        var latent = parameters.GetLatentWeights().ToArray();
        if (fields != FfmModel.FieldCount || linear.Length != (2 * v) + PriorWeights.TermCount || latent.Length != linear.Length * fields * d)
        {
            throw new InvalidOperationException($"ML.NET's field-aware model has {fields} fields, {linear.Length} features and {latent.Length} latent values; expected {FfmModel.FieldCount}, {(2 * v) + PriorWeights.TermCount} and {((2 * v) + PriorWeights.TermCount) * FfmModel.FieldCount * d}.");
        }

        var weights = new float[v];
        var vectors = new float[(v + PriorWeights.TermCount) * fields * d];
        for (var j = 0; j < v; j++)
        {
            var source = FfmModel.FieldOf(data.Vocabulary.Names[j]) == FeatureField.Sme ? j : v + j;
            weights[j] = linear[source];
            Array.Copy(latent, source * fields * d, vectors, j * fields * d, fields * d);
        }

        var priorWeights = new float[PriorWeights.TermCount];
        for (var t = 0; t < PriorWeights.TermCount; t++)
        {
            priorWeights[t] = linear[(2 * v) + t];
            Array.Copy(latent, ((2 * v) + t) * fields * d, vectors, (v + t) * fields * d, fields * d);
        }

        return new FfmModel(data.Vocabulary, d, weights, priorWeights, vectors, options.Kappa, data.Prior);
    }

#pragma warning disable CA1812 // ML.NET reads and writes its properties
    internal sealed class Row
    {
        public VBuffer<float> Firm { get; set; }

        public VBuffer<float> Practice { get; set; }

        public float[] Prior { get; set; } = [];

        public bool Label { get; set; }
    }
#pragma warning restore CA1812
}
