using System.Data.Common;
using Polly;
using Polly.Retry;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>
/// Looks for a newly published model every <see cref="RecommenderOptions.RefreshInterval"/> and
/// swaps it in without a restart. Retraining itself runs outside the web host
/// (<c>smartyassess train --data &lt;database&gt; --publish</c>), so serving never competes with training for CPU.
/// </summary>
public sealed class ModelRefresher(ModelLoader loader, RecommenderOptions options, TimeProvider time, ILogger<ModelRefresher> logger) : BackgroundService
{
    // A database that is briefly unreachable (failover, restart) should not cost a whole interval.
    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DbException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(1),
            UseJitter = true,
        })
        .Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await _retry.ExecuteAsync(async token => await loader.RefreshFromDatabaseAsync(token), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not look for a newly published recommender model; trying again in {Interval}", options.RefreshInterval);
            }
        }
    }
}
