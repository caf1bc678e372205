namespace HealthBot.Campaigns;

/// <summary>
/// Looks for due campaign runs at the start of every minute, in the process, and enqueues a Hangfire planning job
/// only for a run that is due. It replaces a Hangfire recurring job that wrote a whole job's life (created,
/// enqueued, processing, succeeded, and its expiry later) to the job database every minute, when nothing was
/// planned too (#16). A once or cron campaign is planned within a second or two past its minute; a campaign created
/// or resumed is planned at once (<see cref="PlanTrigger"/>). With several nodes each one looks: planning a run twice
/// adds nothing.
/// </summary>
public sealed class CampaignTicker(IServiceScopeFactory scopes, TimeProvider time, ILogger<CampaignTicker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await TickAsync();
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero)
                .AddMinutes(1).AddSeconds(1);
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task TickAsync()
    {
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<CampaignJobs>().Tick();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogError(ex, "Looking for due campaign runs failed; trying again next minute");
        }
    }
}
