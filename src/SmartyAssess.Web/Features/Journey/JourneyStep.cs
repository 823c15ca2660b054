using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Web.Features.Journey;

public enum StepKind
{
    Profile,
    Dimension,
    BarriersAndGoals,
    Review,
}

/// <param name="Slug">The last URL segment: <c>/assessment/{slug}</c>.</param>
public sealed record JourneyStep(string Slug, StepKind Kind, string Title, Dimension? Dimension);
