using SmartyAssess.Recommender;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>The model in use, ready to rank the catalogue. Immutable, so a swap is one reference write.</summary>
/// <param name="Engine">The engine over the current catalogue.</param>
/// <param name="ModelVersion">Recorded with every impression and feedback event.</param>
/// <param name="TrainedOn">Learned reasons are worded as other firms' experience only for models trained on real feedback.</param>
/// <param name="Source">Where it was loaded from, for logs and the health check.</param>
/// <param name="PublishedId">The database row it came from, if it was published there.</param>
public sealed record ServingModel(RecommenderEngine Engine, string ModelVersion, TrainingSource TrainedOn, string Source, long? PublishedId);
