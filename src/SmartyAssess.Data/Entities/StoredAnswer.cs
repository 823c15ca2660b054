namespace SmartyAssess.Data.Entities;

/// <param name="Selected">Option ids when <paramref name="Kind"/> is <see cref="AnswerKind.Selected"/>; empty means "none of these".</param>
public sealed record StoredAnswer(AnswerKind Kind, IReadOnlyList<string> Selected)
{
    public static readonly StoredAnswer DontKnow = new(AnswerKind.DontKnow, []);

    public static readonly StoredAnswer NotApplicable = new(AnswerKind.NotApplicable, []);
}
