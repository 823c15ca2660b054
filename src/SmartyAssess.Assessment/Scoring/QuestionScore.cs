namespace SmartyAssess.Assessment.Scoring;

/// <param name="Points">0–10, or null when the question is not applicable.</param>
public sealed record QuestionScore(string QuestionId, decimal? Points, bool DontKnow)
{
    public bool NotApplicable => Points is null;
}
