namespace SmartyAssess.Web.Features.Catalogue;

public sealed class CatalogueOptions
{
    public const string SectionName = "Catalogue";

    /// <summary>Folder of practice files, relative to the application's base directory unless absolute.</summary>
    public string Directory { get; set; } = "data/catalogue";
}
