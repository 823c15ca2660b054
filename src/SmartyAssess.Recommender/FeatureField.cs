namespace SmartyAssess.Recommender;

/// <summary>Which side of an SME–practice pair a feature describes. Only features of different fields interact.</summary>
public enum FeatureField
{
    /// <summary>Describes the firm: gaps, band, sector, size, region, barriers, goals, its id.</summary>
    Sme,

    /// <summary>Describes the practice: theme, instrument, tags, transferability, origin, its id.</summary>
    Practice,
}
