namespace SmartyAssess.Data.Entities;

public sealed class AssessmentBarrier
{
    public Guid AssessmentId { get; set; }

    public required string BarrierId { get; set; }

    /// <summary>Marked by the respondent as one of the (at most three) most important barriers.</summary>
    public bool IsTop { get; set; }
}
