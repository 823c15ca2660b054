using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SmartyAssess.Web.Hosting;

internal static class StartupMessage
{
    /// <summary>Says where to point the browser, once Kestrel knows its addresses.</summary>
    public static void PrintUrlWhenStarted(this WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses?.FirstOrDefault() is { } url)
        {
            app.Logger.LogInformation("SmartyAssess is running. Open {Url} in your browser (Ctrl+C stops it).", url.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal));
        }
    });
}
