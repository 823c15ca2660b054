using SmartyAssess.Data;
using SmartyAssess.Web.Components;

namespace SmartyAssess.Web.Hosting;

public static class WebHosting
{
    public static WebApplicationBuilder AddWebHosting(this WebApplicationBuilder builder)
    {
        // The fingerprinted and pre-compressed assets of a build (not a publish) live in obj/ and
        // are found through the build's static web assets manifest, which ASP.NET Core reads only in
        // Development. Without it `dotnet run -c Release --no-launch-profile` answered the gzip
        // variants as empty 200s with no Content-Type, and pages came up unstyled. A published app
        // has no such manifest, so this changes nothing there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "SmartyAssess.Antiforgery");
        builder.Services.AddHealthChecks().AddDbContextCheck<SmartyDbContext>(tags: ["ready"]);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.WebHost.ConfigureKestrel(o =>
        {
            // Forms and API bodies are small; refuse anything larger early.
            o.Limits.MaxRequestBodySize = 1024 * 1024;
            o.AddServerHeader = false;
        });
        return builder;
    }

    public static WebApplication UseWebHosting(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler("/error", createScopeForErrors: true));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseFriendlyStatusPages();
        return app;
    }

    /// <summary>After authentication, so that antiforgery tokens are checked against the signed-in user.</summary>
    public static WebApplication UseFormsAndAssets(this WebApplication app)
    {
        app.UseAntiforgery();
        app.UseFriendlyAntiforgeryFailures();
        app.MapStaticAssets();
        return app;
    }

    public static WebApplication MapWebHosting(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapRazorComponents<App>();
        return app;
    }
}
