using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Recommender;

namespace SmartyAssess.Assessment.Recommendations;

/// <summary>
/// Maps the questionnaire's and the catalogue's terms to the recommender's own inputs. The web host
/// (serving) and the CLI (training on a database) both go through here, so a firm is described to
/// the model the same way when it is trained and when it is served.
/// </summary>
public static class RecommenderInputs
{
    /// <summary>The profile field ids the recommender reads.</summary>
    public const string SectorField = "sector";

    public const string SizeField = "size";

    public const string RegionField = "region";

    public static PracticeProfile Practice(Practice practice) => new(
        practice.Id,
        practice.Theme,
        practice.InstrumentType,
        practice.Dimensions,
        practice.Barriers,
        practice.Goals,
        practice.Topics,
        practice.Sectors,
        practice.Sizes,
        practice.MaturityFit,
        practice.Transferability.Rating,
        practice.Nuts);

    /// <summary>How a firm is named to the recommender: its assessment's id, never the result id (the secret link to the result).</summary>
    public static string FirmId(Guid assessmentId) => assessmentId.ToString("N");

    /// <summary>
    /// The practices that may be recommended: those whose target group is known. A practice known
    /// only by its name stays browsable in the catalogue, but pointing a firm to it would send it to
    /// a page that cannot say whether it may take part.
    /// </summary>
    public static IReadOnlyList<PracticeProfile> Practices(PracticeCatalogue catalogue) =>
        [.. catalogue.Practices.Where(p => p.TargetGroup is not null).OrderBy(p => p.Id, StringComparer.Ordinal).Select(Practice)];

    /// <param name="id">A stable id that is not a secret (the assessment's id, never the result's capability id).</param>
    /// <param name="dimensions">Scores of the assessed dimensions.</param>
    /// <param name="band">The overall band id.</param>
    /// <param name="profile">Company-profile answers by field id.</param>
    /// <param name="barriers">Named barriers, with whether each was marked most important.</param>
    /// <param name="goals">Goal ids.</param>
    public static SmeProfile Firm(
        string id,
        IEnumerable<(string DimensionId, double Score)> dimensions,
        string? band,
        IReadOnlyDictionary<string, string> profile,
        IEnumerable<(string BarrierId, bool IsTop)> barriers,
        IEnumerable<string> goals)
    {
        var named = barriers.ToList();
        return new SmeProfile(
            id,
            dimensions.ToDictionary(d => d.DimensionId, d => d.Score, StringComparer.Ordinal),
            band,
            profile.GetValueOrDefault(SectorField),
            profile.GetValueOrDefault(SizeField),
            // "Other" regions say nothing about place that the country does not; they would only add noise features.
            profile.GetValueOrDefault(RegionField) is { } region && !region.EndsWith("-other", StringComparison.Ordinal) ? region : null,
            [.. named.Select(b => b.BarrierId)],
            [.. named.Where(b => b.IsTop).Select(b => b.BarrierId)],
            [.. goals]);
    }

    /// <summary>
    /// Practices a firm cannot take part in: closed to its size class or to its sector. These are
    /// never recommended, whatever the model says, because a firm cannot act on them.
    /// </summary>
    public static IEnumerable<string> Ineligible(IEnumerable<PracticeProfile> practices, SmeProfile firm) =>
        practices.Where(p => (firm.Size is { } size && p.Sizes.Count > 0 && !p.Sizes.Contains(size)) || !p.FitsSector(firm.Sector)).Select(p => p.Id);
}
