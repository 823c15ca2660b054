namespace SmartyAssess.Web.Features.Sharing;

/// <summary>Section <c>Privacy</c>: the privacy notice consents refer to, and how long abandoned drafts are kept.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>The version of the notice at <c>/privacy</c>; every share's consent record keeps it. Change it whenever the notice changes.</summary>
    public string NoticeVersion { get; set; } = "2026-12-02";

    /// <summary>A draft not saved for this long is deleted.</summary>
    public TimeSpan DraftRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often each instance looks for such drafts.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(6);
}
