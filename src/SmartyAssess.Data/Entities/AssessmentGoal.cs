namespace SmartyAssess.Data.Entities;

public sealed class AssessmentGoal
{
    public Guid AssessmentId { get; set; }

    public required string GoalId { get; set; }
}
