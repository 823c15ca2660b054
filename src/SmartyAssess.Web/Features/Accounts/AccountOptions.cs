namespace SmartyAssess.Web.Features.Accounts;

/// <summary>Bound from <c>Accounts</c>; the defaults are the figures of ASVS 5.0 level 2 (reliability-security.md).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>PBKDF2-HMAC-SHA512 iterations for new hashes; older hashes are rehashed at the next sign-in.</summary>
    public int PasswordIterations { get; set; } = 210_000;

    /// <summary>A session ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed passwords before the account is locked for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sign-in attempts allowed per minute for one account, and for one client address. The
    /// per-account window is wider than the lockout threshold, so that a person who mistyped
    /// sees the lockout message, and it caps the password-hashing work one account can draw.
    /// </summary>
    public int SignInAttemptsPerAccountPerMinute { get; set; } = 10;

    public int SignInAttemptsPerAddressPerMinute { get; set; } = 20;

    /// <summary>How often a session is checked against the account (disabled, password changed).</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
