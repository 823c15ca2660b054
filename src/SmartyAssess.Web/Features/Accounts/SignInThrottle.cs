using System.Threading.RateLimiting;
using SmartyAssess.Web.Features.Languages;

namespace SmartyAssess.Web.Features.Accounts;

/// <summary>
/// Limits sign-in attempts per account and per client address (ASVS 5.0 6.3.1). Lockout alone lets
/// anyone lock an advisor out by guessing; the per-account window slows guessing before lockout,
/// and the per-address window slows one client trying many accounts. The windows are kept in each
/// instance's memory: with several instances behind a balancer, each limit applies per instance.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public SignInThrottle(AccountOptions options)
    {
        _perAccount = Window(options.SignInAttemptsPerAccountPerMinute);
        _perAddress = Window(options.SignInAttemptsPerAddressPerMinute);
    }

    /// <summary>Null when the attempt may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? TryAttempt(string account, string address)
    {
        using var byAddress = _perAddress.AttemptAcquire(address);
        if (!byAddress.IsAcquired)
        {
            return RetryAfter(byAddress);
        }

        using var byAccount = _perAccount.AttemptAcquire(account.Trim().ToUpperInvariant());
        return byAccount.IsAcquired ? null : RetryAfter(byAccount);
    }

    /// <summary>
    /// For the account pages: null when the attempt may go ahead; otherwise the sentence to show,
    /// with the response set to 429 and <c>Retry-After</c>; <paramref name="signIn"/> words it as
    /// sign-in attempts.
    /// </summary>
    public string? Refuse(HttpContext context, string account, bool signIn = false)
    {
        if (TryAttempt(account, AddressKey(context.Connection.RemoteIpAddress)) is not { } wait)
        {
            return null;
        }

        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        Hosting.PageStatus.WithStatus(context, StatusCodes.Status429TooManyRequests, ("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return seconds == 1
            ? (signIn ? AccountsText.TooManySignInAttemptsOne : AccountsText.TooManyAttemptsOne)
            : Text.Format(signIn ? AccountsText.TooManySignInAttempts : AccountsText.TooManyAttempts, seconds);
    }

    /// <summary>
    /// The client address as a throttling key. IPv6 clients usually hold a whole /64, so one key
    /// per /64, or each of its addresses would get its own budget.
    /// </summary>
    public static string AddressKey(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        return Convert.ToHexString(bytes, 0, 8) + "::/64";
    }

    public void Dispose()
    {
        _perAccount.Dispose();
        _perAddress.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);

    private static PartitionedRateLimiter<string> Window(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
