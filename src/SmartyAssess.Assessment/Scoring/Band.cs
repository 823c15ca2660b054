namespace SmartyAssess.Assessment.Scoring;

/// <summary>The DMA's four maturity bands, lowest first.</summary>
public enum Band
{
    Basic,
    Average,
    ModeratelyAdvanced,
    Advanced,
}
