namespace SmartyAssess.Data.Entities;

public sealed class AssessmentAnswer
{
    public Guid AssessmentId { get; set; }

    public required string QuestionId { get; set; }

    public AnswerKind Kind { get; set; }

    /// <summary>Option ids when <see cref="Kind"/> is <see cref="AnswerKind.Selected"/>; empty means "none of these".</summary>
    public List<string> SelectedOptionIds { get; set; } = [];
}
