using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Data;
using SmartyAssess.Web.Features.Journey;

namespace SmartyAssess.Web.Features.Catalogue;

public static class CatalogueRegistration
{
    /// <summary>
    /// Registers the good-practice catalogue, validated against the current questionnaire's
    /// vocabularies. Outside production an invalid file stops start-up; in production the problems
    /// are logged and the valid practices served, so one bad edit does not take the service down.
    /// </summary>
    public static IHostApplicationBuilder AddPracticeCatalogue(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CatalogueOptions.SectionName).Get<CatalogueOptions>() ?? new CatalogueOptions();
        var directory = Path.IsPathRooted(options.Directory) ? options.Directory : Path.Combine(AppContext.BaseDirectory, options.Directory);
        var strict = !builder.Environment.IsProduction();
        builder.Services.AddSingleton(services =>
        {
            var vocabulary = services.GetRequiredService<QuestionnaireCatalog>().Current;
            var files = CatalogueLoader.ReadDirectory(directory);
            return strict ? CatalogueLoader.LoadStrict(files, vocabulary) : CatalogueLoader.Load(files, vocabulary);
        });
        builder.Services.AddSingleton(services =>
        {
            var texts = CatalogueTexts.Load(Path.Combine(directory, "translations"), services.GetRequiredService<PracticeCatalogue>());
            if (strict && texts.Problems.Count > 0)
            {
                throw new InvalidOperationException("The catalogue's translations have problems:\n" + string.Join("\n", texts.Problems));
            }

            return texts;
        });
        return builder;
    }

    /// <summary>Loads (and so validates) the catalogue and mirrors it into the database; part of start-up.</summary>
    public static async Task SeedCatalogueAsync(this WebApplication app)
    {
        var catalogue = app.Services.GetRequiredService<PracticeCatalogue>();
        foreach (var problem in catalogue.Problems)
        {
            app.Logger.LogError("Catalogue entry left out: {Problem}", problem);
        }

        foreach (var problem in app.Services.GetRequiredService<CatalogueTexts>().Problems)
        {
            app.Logger.LogError("Catalogue translation left out: {Problem}", problem);
        }

        await using var scope = app.Services.CreateAsyncScope();
        await CatalogueSeeder.SyncAsync(scope.ServiceProvider.GetRequiredService<SmartyDbContext>(), catalogue, app.Services.GetRequiredService<TimeProvider>(), app.Lifetime.ApplicationStopping);
        app.Logger.LogInformation("Catalogue {Version}: {Count} practices", catalogue.Version, catalogue.Practices.Count);
    }
}
