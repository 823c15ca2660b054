namespace SmartyAssess.Assessment.Catalogue;

/// <summary>Why a practice is listed for a firm; <see cref="Id"/> is the dimension, barrier, band or country concerned.</summary>
public sealed record MatchReason(MatchReasonKind Kind, string Id, double Weight);

public enum MatchReasonKind
{
    WeakestDimension,
    TopBarrier,
    Barrier,
    MaturityFit,
    SameCountry,
}

public sealed record PracticeMatch(Practice Practice, double Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// A transparent, rule-based match of practices to a firm, used on the results page until the
/// learned recommender lands (and then as its prior). A practice is listed only if it addresses
/// the firm's weakest dimension or a barrier it named, only if it is open to the firm's size and
/// sector, and only if its audience is known. Every point of the score is a reason the page shows.
/// </summary>
public static class PracticeMatcher
{
    public const double WeakestDimensionWeight = 3;
    public const double TopBarrierWeight = 2;
    public const double BarrierWeight = 1;
    public const double MaturityWeight = 1;
    public const double CountryWeight = 0.5;

    public static IReadOnlyList<PracticeMatch> Match(PracticeCatalogue catalogue, FirmContext firm, int count = 5)
    {
        var matches = new List<PracticeMatch>();
        foreach (var practice in catalogue.Practices)
        {
            // A practice whose audience is unknown (a documented name without a description) is
            // browsable, but not something to point a firm to.
            if (practice.TargetGroup is null
                || (firm.Size is not null && !practice.Sizes.Contains(firm.Size))
                || (firm.Sector is not null && !practice.FitsSector(firm.Sector)))
            {
                continue;
            }

            var reasons = new List<MatchReason>();
            if (firm.WeakestDimension is { } weakest && practice.Dimensions.Contains(weakest))
            {
                reasons.Add(new MatchReason(MatchReasonKind.WeakestDimension, weakest, WeakestDimensionWeight));
            }

            foreach (var barrier in firm.Barriers.Where(practice.Barriers.Contains))
            {
                var top = firm.TopBarriers.Contains(barrier);
                reasons.Add(new MatchReason(top ? MatchReasonKind.TopBarrier : MatchReasonKind.Barrier, barrier, top ? TopBarrierWeight : BarrierWeight));
            }

            if (reasons.Count == 0)
            {
                continue;
            }

            if (firm.OverallBand is { } band && practice.MaturityFit.Contains(band))
            {
                reasons.Add(new MatchReason(MatchReasonKind.MaturityFit, band, MaturityWeight));
            }

            if (firm.Country is { } country && practice.Country == country)
            {
                reasons.Add(new MatchReason(MatchReasonKind.SameCountry, country, CountryWeight));
            }

            matches.Add(new PracticeMatch(practice, reasons.Sum(r => r.Weight), [.. reasons.OrderByDescending(r => r.Weight)]));
        }

        return [.. matches
            .OrderByDescending(m => m.Score)
            .ThenByDescending(m => m.Practice.IsSmarty)
            .ThenBy(m => m.Practice.Title, StringComparer.OrdinalIgnoreCase)
            .Take(count)];
    }
}
