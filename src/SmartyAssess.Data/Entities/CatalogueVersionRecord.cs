namespace SmartyAssess.Data.Entities;

/// <summary>Each catalogue data version the service has served, and when it was first seeded.</summary>
public sealed class CatalogueVersionRecord
{
    public required string Version { get; set; }

    public DateTime SeededAt { get; set; }

    public int PracticeCount { get; set; }
}
