namespace SmartyAssess.Data.Entities;

public enum AnswerKind
{
    Selected,
    DontKnow,
    NotApplicable,
}
