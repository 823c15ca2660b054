namespace SmartyAssess.Assessment.Catalogue;

/// <summary>The raw text of one practice file.</summary>
public sealed record CatalogueFile(string FileName, string Json);
