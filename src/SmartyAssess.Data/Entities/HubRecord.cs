namespace SmartyAssess.Data.Entities;

/// <summary>A digital innovation hub (an EDIH or a regional DIH) whose advisors work with client SMEs.</summary>
public sealed class HubRecord
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>URL name of its public page, <c>/hubs/{slug}</c>; unique.</summary>
    public required string Slug { get; set; }

    /// <summary>ISO 3166 alpha-2, as in the questionnaire's country list.</summary>
    public required string Country { get; set; }

    /// <summary>NUTS codes of the regions it serves.</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>Short code advisors hand to clients so that they can share with this hub; unique, upper case.</summary>
    public required string ShareCode { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>A disabled hub no longer receives shares and its advisors cannot sign in.</summary>
    public DateTime? DisabledAt { get; set; }
}
