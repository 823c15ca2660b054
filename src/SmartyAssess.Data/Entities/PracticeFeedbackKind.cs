namespace SmartyAssess.Data.Entities;

/// <summary>What a firm said about a recommended practice; stored by name.</summary>
public enum PracticeFeedbackKind
{
    /// <summary>"Relevant to us".</summary>
    Relevant,

    /// <summary>"Not relevant".</summary>
    NotRelevant,

    /// <summary>"We have adopted / plan to adopt".</summary>
    Adopted,

    /// <summary>"Planned": recorded by an advisor for a client (the firm's own button says adopted / plan to adopt).</summary>
    Planned,
}
