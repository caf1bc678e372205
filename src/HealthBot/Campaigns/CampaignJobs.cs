using Hangfire;

namespace HealthBot.Campaigns;

/// <summary>
/// The Hangfire jobs. Hangfire only plans — a job per campaign run that writes the run's outbox rows in bulk; the
/// tick that finds due runs is run every minute by <see cref="CampaignTicker"/> (and as a job by
/// <see cref="PlanTrigger"/>). Sending is the outbox dispatcher's, so there is never a job per message, and replies
/// to people who wrote in never wait behind Hangfire.
/// </summary>
public sealed class CampaignJobs(CampaignPlanner planner, SqlCampaignStore campaigns, IBackgroundJobClient jobs, TimeProvider time, ILogger<CampaignJobs> logger)
{
    /// <summary>The recurring job earlier versions ran every minute; removed at start.</summary>
    public const string TickJobId = "campaigns-tick";

    /// <summary>How long the record of a relative-schedule run is kept (for staff looking at recent planning).</summary>
    private static readonly TimeSpan RunRecords = TimeSpan.FromDays(7);

    /// <summary>Finds runs that are due and enqueues a planning job for each.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task Tick()
    {
        foreach (var run in planner.DueRuns(time.GetUtcNow()))
        {
            jobs.Enqueue<CampaignJobs>(j => j.PlanAsync(run.CampaignId, run.RunKey, CancellationToken.None));
            logger.LogInformation("Enqueued planning of campaign {CampaignId} run {RunKey}", run.CampaignId, run.RunKey);
        }

        await campaigns.PruneRelativeRunsAsync(time.GetUtcNow() - RunRecords);
    }

    /// <summary>Plans one run. Safe to run twice or after a crash: every send has a unique key.</summary>
    [AutomaticRetry(Attempts = 5)]
    public Task<int> PlanAsync(long campaignId, string runKey, CancellationToken ct) => planner.PlanAsync(new PlanRequest(campaignId, runKey), ct);
}
