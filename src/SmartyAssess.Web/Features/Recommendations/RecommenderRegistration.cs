using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartyAssess.Web.Features.Recommendations;

public static class RecommenderRegistration
{
    /// <summary>Registers the recommender: the model holder, its loader and refresher, and the service pages and API use.</summary>
    public static IHostApplicationBuilder AddRecommender(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RecommenderOptions.SectionName).Get<RecommenderOptions>() ?? new RecommenderOptions();
        if (options.RefreshInterval <= TimeSpan.Zero || options.MaxCount < 1 || options.Count < 1 || options.Count > options.MaxCount || options.MaxFeedbackPerAssessment < 1)
        {
            throw new InvalidOperationException(
                $"{RecommenderOptions.SectionName}: RefreshInterval must be positive, Count between 1 and MaxCount, and MaxFeedbackPerAssessment at least 1.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ModelHolder>();
        builder.Services.AddSingleton<ModelLoader>();
        builder.Services.AddScoped<RecommendationService>();
        builder.Services.AddSingleton<ImpressionLog>();
        builder.Services.AddHostedService<ModelRefresher>();
        builder.Services.AddHealthChecks().AddCheck<RecommenderHealthCheck>("recommender", tags: ["ready"]);
        return builder;
    }

    /// <summary>Loads the model to serve (published in the database, else shipped in models/, else the rule prior); part of start-up.</summary>
    public static async Task LoadRecommenderAsync(this WebApplication app) =>
        await app.Services.GetRequiredService<ModelLoader>().LoadAtStartupAsync(app.Lifetime.ApplicationStopping);
}

/// <summary>Degraded while recommendations come from the rule prior because no model could be loaded.</summary>
internal sealed class RecommenderHealthCheck(ModelHolder holder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(holder.CurrentOrNull is not { } serving ? HealthCheckResult.Unhealthy("No recommender model loaded.")
            : holder.IsFallback ? HealthCheckResult.Degraded($"Serving the rule prior: {serving.Source}")
            : HealthCheckResult.Healthy($"Model {serving.ModelVersion} from {serving.Source}"));
}
