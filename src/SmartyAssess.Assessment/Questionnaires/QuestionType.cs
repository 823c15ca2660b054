namespace SmartyAssess.Assessment.Questionnaires;

public enum QuestionType
{
    /// <summary>One of levels 0–5, each with its own anchor text; level L gives 2·L points.</summary>
    Scale,

    /// <summary>Exactly one option; options give 0–10 points.</summary>
    Choice,

    /// <summary>Any number of options; the points of the selection are summed and clamped to 0–10.</summary>
    Checklist,
}
