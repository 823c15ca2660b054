using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Recommendations;
using SmartyAssess.Recommender;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>
/// Holds the model every request ranks with. A new model is fully prepared (engine built over the
/// catalogue) before it replaces the old one in a single reference write: requests see either the
/// old model or the new one, never a mix, and nothing restarts.
/// </summary>
public sealed class ModelHolder(PracticeCatalogue catalogue)
{
    private readonly IReadOnlyList<PracticeProfile> _practices = RecommenderInputs.Practices(catalogue);
    private ServingModel? _current;

    public ServingModel Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The recommender model has not been loaded yet.");

    public ServingModel? CurrentOrNull => Volatile.Read(ref _current);

    /// <summary>The hash a model trained on this catalogue records (<see cref="ModelMetadata.CatalogueHash"/>).</summary>
    public string CatalogueHash { get; } = TrainingSet.Hash(RecommenderInputs.Practices(catalogue));

    /// <summary>True once a model was loaded, and false if the rule prior is served because no model could be.</summary>
    public bool IsFallback { get; private set; }

    public ServingModel Swap(RankingModel model, ModelMetadata metadata, string source, long? publishedId = null, bool fallback = false)
    {
        var serving = new ServingModel(new RecommenderEngine(model, _practices), metadata.ModelVersion, metadata.TrainedOn, source, publishedId);
        IsFallback = fallback;
        Volatile.Write(ref _current, serving);
        return serving;
    }

    /// <summary>The rule prior alone, over the catalogue's features: what is served when no model file can be used.</summary>
    public ServingModel ServePrior(string reason)
    {
        var vocabulary = FeedbackTraining.Vocabulary([], _practices, []);
        var metadata = new ModelMetadata(PriorVersion, null, CatalogueHash, "", new Dictionary<string, double>(), reason, TrainingSource.None);
        return Swap(FmModel.PriorOnly(vocabulary), metadata, "rule prior (" + reason + ")", fallback: true);
    }

    public const string PriorVersion = "rule-prior";
}
