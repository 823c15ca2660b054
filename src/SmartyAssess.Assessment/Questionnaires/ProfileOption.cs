namespace SmartyAssess.Assessment.Questionnaires;

/// <param name="Smarty">True for the regions of the SMARTY partnership.</param>
public sealed record ProfileOption(string Id, LocalizedText Label, string? ParentId, bool Smarty);
