using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Data;
using SmartyAssess.Web.Features.Assessments;

namespace SmartyAssess.Web.Features.Journey;

public static class JourneyRegistration
{
    /// <summary>
    /// Loads and validates the questionnaire while the app is being built, so an invalid file stops
    /// start-up with a message naming file, item and problem, before any request is served.
    /// </summary>
    public static IHostApplicationBuilder AddQuestionnaireJourney(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(QuestionnaireOptions.SectionName).Get<QuestionnaireOptions>() ?? new QuestionnaireOptions();
        var directory = Path.IsPathRooted(options.Directory) ? options.Directory : Path.Combine(AppContext.BaseDirectory, options.Directory);
        builder.Services.AddSingleton(new QuestionnaireCatalog(QuestionnaireLoader.ReadDirectory(directory), QuestionnaireTranslations.ReadDirectory(directory)));
        builder.Services.AddScoped<DraftService>();
        builder.Services.AddScoped<AssessmentSubmitter>();
        return builder;
    }

    /// <summary>Migrates the database and archives the questionnaire versions, before the first request.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await DatabaseInitializer.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await QuestionnaireArchive.SyncAsync(
            scope.ServiceProvider.GetRequiredService<SmartyDbContext>(),
            app.Services.GetRequiredService<QuestionnaireCatalog>(),
            app.Services.GetRequiredService<TimeProvider>(),
            app.Logger,
            app.Lifetime.ApplicationStopping);
        // Results stored before the insights' facts existed get theirs once.
        if (await InsightFacts.BackfillAsync(scope.ServiceProvider.GetRequiredService<SmartyDbContext>(), app.Lifetime.ApplicationStopping) is > 0 and var written)
        {
            app.Logger.LogInformation("Wrote the insights facts of {Count} earlier assessments", written);
        }
    }
}
