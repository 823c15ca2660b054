namespace SmartyAssess.Assessment.Catalogue;

/// <summary>The catalogue's own closed vocabularies, as ids in files and URLs and as labels on pages.</summary>
public static class Vocabulary
{
    public static IReadOnlyList<Term> Themes { get; } =
    [
        new("platforms-clusters", "Regional platforms and clusters"),
        new("digital-innovation-hubs", "Digital innovation hubs"),
        new("green-transition", "Digitalisation for the green transition"),
        new("innovation-skills", "Digital innovation and skills"),
    ];

    public static IReadOnlyList<Term> InstrumentTypes { get; } =
    [
        new("voucher", "Voucher"),
        new("audit", "Audit or diagnostic"),
        new("service-catalogue", "Service catalogue"),
        new("dih", "Digital innovation hub or competence centre"),
        new("cluster", "Cluster or alliance"),
        new("rd-programme", "R&D programme"),
        new("award", "Award or benchmark"),
        new("training", "Training and skills"),
        new("platform", "Platform"),
        new("other", "Other"),
    ];

    public static IReadOnlyList<Term> TransferabilityRatings { get; } =
    [
        new("low", "Low"),
        new("medium", "Medium"),
        new("high", "High"),
    ];

    public static IReadOnlyList<Term> ProvenanceKinds { get; } =
    [
        new("smarty", "SMARTY good practice"),
        new("related", "Related practice"),
    ];

    /// <summary>Sectors are NACE sections; a practice open to every sector says so with this id.</summary>
    public const string AllSectors = "all";

    public static string Label(IReadOnlyList<Term> terms, string id) => terms.FirstOrDefault(t => t.Id == id)?.Label ?? id;

    public sealed record Term(string Id, string Label);
}
