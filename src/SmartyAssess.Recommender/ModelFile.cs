using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartyAssess.Recommender;

/// <summary>What a model file says about how and on what the model was trained.</summary>
/// <param name="ModelVersion">A label for this model, e.g. <c>2026.11.1-synthetic</c>.</param>
/// <param name="Options">The hyperparameters it was trained with, or null for a prior-only model.</param>
/// <param name="CatalogueHash">SHA-256 of the practices it was trained against.</param>
/// <param name="TrainingDataHash">SHA-256 of the training examples.</param>
/// <param name="Metrics">Evaluation figures, by name.</param>
/// <param name="Notes">Free text: what the training data was.</param>
/// <param name="TrainedOn">What kind of data taught it; pages word learned reasons differently for simulated data.</param>
/// <param name="Trainer">The trainer that made it (<c>fm</c>, <c>mlnet-ffm</c>, …); files without one were made by <c>fm</c>.</param>
/// <param name="Settings">The hyperparameters of a trainer other than <c>fm</c> (whose are <paramref name="Options"/>), by name.</param>
public sealed record ModelMetadata(
    string ModelVersion,
    TrainingOptions? Options,
    string CatalogueHash,
    string TrainingDataHash,
    IReadOnlyDictionary<string, double> Metrics,
    string? Notes,
    TrainingSource TrainedOn,
    string Trainer = "fm",
    IReadOnlyDictionary<string, string>? Settings = null);

/// <summary>What a model was trained on.</summary>
public enum TrainingSource
{
    /// <summary>Nothing: the rule prior alone.</summary>
    None,

    /// <summary>A simulated world (until real feedback exists).</summary>
    Synthetic,

    /// <summary>Feedback that firms gave.</summary>
    Feedback,
}

/// <summary>A model file could not be used; the message says why in plain words.</summary>
/// <param name="message">What is wrong.</param>
public sealed class ModelFileException(string message) : Exception(message);

/// <summary>
/// Reads and writes models as versioned JSON: <c>format: smarty-fm</c> for an <see cref="FmModel"/>,
/// <c>format: smarty-ffm</c> for an <see cref="FfmModel"/>, <c>format: smarty-gbdt</c> for a <see cref="TreeModel"/>. Writing is deterministic:
/// the same model and metadata give the same bytes. A content hash over the canonical payload
/// detects a damaged or hand-edited file.
/// </summary>
public static class ModelFile
{
    /// <summary>The file format's name for a factorisation machine.</summary>
    public const string Format = "smarty-fm";

    /// <summary>The file format's name for a field-aware factorisation machine.</summary>
    public const string FieldAwareFormat = "smarty-ffm";

    /// <summary>The file format's name for boosted trees.</summary>
    public const string TreesFormat = "smarty-gbdt";

    /// <summary>The schema this code reads and writes; a file with another schema version is refused.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Serialises a model and its metadata.</summary>
    /// <param name="model">The model.</param>
    /// <param name="metadata">What to record about it.</param>
    /// <exception cref="ArgumentException">The model is of a kind this format does not know.</exception>
    public static string Serialize(RankingModel model, ModelMetadata metadata)
    {
        var document = new Document
        {
            FeatureVersion = FeatureEncoder.Version,
            ModelVersion = metadata.ModelVersion,
            Trainer = metadata.Trainer == "fm" ? null : metadata.Trainer,
            Hyperparameters = metadata.Options is not null ? JsonSerializer.SerializeToElement(metadata.Options, s_json)
                : metadata.Settings is null ? null : JsonSerializer.SerializeToElement(new SortedDictionary<string, string>(metadata.Settings.ToDictionary(), StringComparer.Ordinal), s_json),
            CatalogueHash = metadata.CatalogueHash,
            TrainingDataHash = metadata.TrainingDataHash,
            Notes = metadata.Notes,
            TrainedOn = metadata.TrainedOn,
            Metrics = new SortedDictionary<string, double>(metadata.Metrics.ToDictionary(), StringComparer.Ordinal),
            Vocabulary = [.. model.Vocabulary.Names],
        };
        switch (model)
        {
            case FmModel fm:
                document.Format = Format;
                document.SchemaVersion = SchemaVersion;
                document.Factors = fm.Factors;
                document.Kappa = fm.Kappa;
                document.Prior = fm.Prior;
                document.PriorAdjustment = fm.PriorAdjustment;
                document.Bias = fm.Bias;
                document.Weights = fm.Weights;
                document.Latent = fm.Latent;
                break;
            case FfmModel ffm:
                document.Format = FieldAwareFormat;
                document.SchemaVersion = SchemaVersion;
                document.Factors = ffm.LatentDimension;
                document.Kappa = ffm.Kappa;
                document.Prior = ffm.Prior;
                document.PriorWeights = ffm.PriorLinear;
                document.Weights = ffm.Weights;
                document.Latent = ffm.Latent;
                break;
            case TreeModel trees:
                document.Format = TreesFormat;
                document.SchemaVersion = SchemaVersion;
                document.Kappa = trees.Kappa;
                document.Prior = trees.Prior;
                document.Bias = trees.Bias;
                document.Trees = [.. trees.Trees];
                break;
            default:
                throw new ArgumentException($"A model of kind '{model.Kind}' has no file format.", nameof(model));
        }

        document.ContentSha256 = Hash(document);
        return JsonSerializer.Serialize(document, s_json);
    }

    /// <summary>Reads a model file.</summary>
    /// <param name="json">The file's text.</param>
    /// <exception cref="ModelFileException">The text is not a model file this code can use.</exception>
    public static (RankingModel Model, ModelMetadata Metadata) Deserialize(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, s_json);
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"The model file is not valid JSON: {e.Message}");
        }

        if (document is null || document.Format is not (Format or FieldAwareFormat or TreesFormat))
        {
            throw new ModelFileException($"This is not a {Format}, {FieldAwareFormat} or {TreesFormat} model file.");
        }

        if (document.SchemaVersion != SchemaVersion)
        {
            throw new ModelFileException($"The model file has schema version {document.SchemaVersion}; this version of SmartyAssess reads schema version {SchemaVersion}. Retrain the model or use a matching release.");
        }

        if (document.FeatureVersion != FeatureEncoder.Version)
        {
            throw new ModelFileException($"The model uses feature version '{document.FeatureVersion}'; this release encodes '{FeatureEncoder.Version}'. Retrain the model.");
        }

        var stored = document.ContentSha256;
        document.ContentSha256 = null;
        if (stored != Hash(document))
        {
            throw new ModelFileException("The model file's content hash does not match: the file is damaged or was edited by hand.");
        }

        if (document.Format == TreesFormat && (document.Trees is null || document.Vocabulary is null || document.Prior is null))
        {
            throw new ModelFileException("The model file lacks its trees, vocabulary or prior.");
        }

        if (document.Format != TreesFormat && (document.Vocabulary is null || document.Weights is null || document.Latent is null || document.Prior is null || document.Factors <= 0))
        {
            throw new ModelFileException("The model file lacks its vocabulary, weights, latent vectors or prior.");
        }

        if (document.Format == FieldAwareFormat && document.PriorWeights is null)
        {
            throw new ModelFileException("The model file lacks the weights of its prior field.");
        }

        RankingModel model;
        try
        {
            var vocabulary = new FeatureVocabulary(document.Vocabulary!);
            model = document.Format switch
            {
                TreesFormat => new TreeModel(vocabulary, document.Trees!, document.Bias, document.Kappa, document.Prior!),
                FieldAwareFormat => new FfmModel(vocabulary, document.Factors, document.Weights!, document.PriorWeights!, document.Latent!, document.Kappa, document.Prior!),
                _ => new FmModel(vocabulary, document.Factors, document.Bias, document.Weights!, document.Latent!, document.Kappa, document.Prior!, document.PriorAdjustment),
            };
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException($"The model file is inconsistent: {e.Message}");
        }

        var trainer = document.Trainer ?? "fm";
        var options = trainer == "fm" ? Options(document.Hyperparameters) : null;
        return (model, new ModelMetadata(document.ModelVersion ?? "", options, document.CatalogueHash ?? "", document.TrainingDataHash ?? "", document.Metrics ?? [], document.Notes, document.TrainedOn ?? TrainingSource.None,
            trainer, trainer == "fm" ? null : Settings(document.Hyperparameters)));
    }

    private static Dictionary<string, string>? Settings(JsonElement? recorded)
    {
        try
        {
            return recorded is { ValueKind: JsonValueKind.Object } element ? element.Deserialize<Dictionary<string, string>>(s_json) : null;
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"The model file's hyperparameters are not readable: {e.Message}");
        }
    }

    /// <summary>
    /// The recorded hyperparameters. Files written before the interaction map existed have no
    /// <c>interactions</c> entry; they were trained with every feature interacting, so they read as
    /// <see cref="FeatureInteractions.All"/> rather than today's default.
    /// </summary>
    private static TrainingOptions? Options(JsonElement? recorded)
    {
        if (recorded is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            var options = element.Deserialize<TrainingOptions>(s_json);
            return options is not null && !element.TryGetProperty("interactions", out _) ? options with { Interactions = FeatureInteractions.All } : options;
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"The model file's hyperparameters are not readable: {e.Message}");
        }
    }

    /// <summary>Reads a model file from disk.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ModelFileException">The file is missing or not usable.</exception>
    public static (RankingModel Model, ModelMetadata Metadata) Load(string path) =>
        File.Exists(path) ? Deserialize(File.ReadAllText(path)) : throw new ModelFileException($"The model file {path} does not exist.");

    /// <summary>SHA-256 (hex) of a text, for the catalogue and training-data hashes.</summary>
    /// <param name="text">Any text.</param>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Hash(Document document) => Sha256(JsonSerializer.Serialize(document, s_json));

#pragma warning disable CA1812 // instantiated by System.Text.Json
    private sealed class Document
    {
        public string? Format { get; set; }
        public int SchemaVersion { get; set; }
        public string? FeatureVersion { get; set; }
        public string? ModelVersion { get; set; }
        public string? Trainer { get; set; }
        // Kept as the JSON it was read as: the content hash is computed over the re-serialised
        // document, and a typed record would add entries (new options with defaults) that older
        // files never had.
        public JsonElement? Hyperparameters { get; set; }
        public string? CatalogueHash { get; set; }
        public string? TrainingDataHash { get; set; }
        public string? Notes { get; set; }
        public TrainingSource? TrainedOn { get; set; }
        public SortedDictionary<string, double>? Metrics { get; set; }
        public int Factors { get; set; }
        public float Kappa { get; set; }
        public PriorWeights? Prior { get; set; }
        public float[]? PriorAdjustment { get; set; }
        public float[]? PriorWeights { get; set; }
        public List<RegressionTree>? Trees { get; set; }
        public List<string>? Vocabulary { get; set; }
        public float Bias { get; set; }
        public float[]? Weights { get; set; }
        public float[]? Latent { get; set; }
        public string? ContentSha256 { get; set; }
    }
#pragma warning restore CA1812
}
