namespace SmartyAssess.Data.Entities;

/// <summary>
/// What remains of an erased assessment: the SHA-256 of its result id or resume token, so that the
/// old link answers 410 Gone instead of 404. It holds nothing about the firm and cannot be turned
/// back into the link.
/// </summary>
public sealed class ErasedLink
{
    public required byte[] Hash { get; set; }

    /// <summary>The day only: the moment of erasure is not needed.</summary>
    public DateOnly ErasedOn { get; set; }
}
