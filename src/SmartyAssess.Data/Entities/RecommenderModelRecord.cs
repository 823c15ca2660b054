namespace SmartyAssess.Data.Entities;

/// <summary>
/// A retrained model with the evaluation gate's verdict. Published models are how every instance
/// learns of a new model: each polls for the latest published row and swaps it in.
/// Rejected candidates are kept too, so that the gate's decisions can be audited.
/// </summary>
public sealed class RecommenderModelRecord
{
    public long Id { get; set; }

    public required string ModelVersion { get; set; }

    /// <summary>The model file's exact text (format smarty-fm).</summary>
    public required string Json { get; set; }

    /// <summary>SHA-256 of <see cref="Json"/>, hex.</summary>
    public required string ContentHash { get; set; }

    public bool Published { get; set; }

    /// <summary>The version it was compared with.</summary>
    public string? ComparedWith { get; set; }

    public double CurrentNdcg { get; set; }

    public double CandidateNdcg { get; set; }

    public int HeldOutFirms { get; set; }

    /// <summary>The gate's verdict in words.</summary>
    public required string GateReport { get; set; }

    public DateTime CreatedAt { get; set; }
}
