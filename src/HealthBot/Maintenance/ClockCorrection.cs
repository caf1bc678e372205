using Hangfire;
using HealthBot.Campaigns;
using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>
/// Undoes what a wrong clock scheduled, once the clock is right (staff confirmed it, or it was seen jumping back):
/// campaign messages deferred to "wrong clock + a while" become due at their planned time (or now; those held past
/// Campaigns:CatchUp are skipped with a reason in the campaign report), and Hangfire's recurring jobs (the daily
/// backup) are registered afresh so their next run is computed from the right time instead of the wrong date they
/// stored. Replies need nothing here: the outbox dispatcher pulls back any due further ahead than a backoff allows.
/// </summary>
public sealed class ClockCorrection(
    SqlCampaignGateStore gates, IOptions<CampaignOptions> campaigns, IServiceProvider services, TimeProvider time,
    ILogger<ClockCorrection> logger)
{
    /// <summary>The longest a campaign message is deferred while the clock is held (CampaignSendGate).</summary>
    public static readonly TimeSpan NormalDeferral = TimeSpan.FromMinutes(10);

    public async Task ApplyAsync()
    {
        var now = time.GetUtcNow();
        try
        {
            var (released, skipped) = await gates.ReleaseDeferredAsync(
                now + NormalDeferral, now - campaigns.Value.CatchUp);
            if (released + skipped > 0)
            {
                logger.LogWarning(
                    "The clock is right: {Released} campaign messages deferred on the wrong clock are due again; " +
                    "{Skipped} held longer than Campaigns:CatchUp are skipped", released, skipped);
            }
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogWarning(ex, "Campaign messages deferred on the wrong clock could not be released");
        }

        RescheduleRecurringJobs();
    }

    /// <summary>Hangfire keeps a recurring job's next run as a date: one computed on a clock days ahead waits for it.
    /// Removing and adding the job again computes it from now.</summary>
    private void RescheduleRecurringJobs()
    {
        if (!campaigns.Value.RunJobs || services.GetService<IRecurringJobManager>() is not { } jobs)
        {
            return;
        }

        try
        {
            jobs.RemoveIfExists(BackupService.DailyJobId);
            BackupSchedule.Register(services);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "The daily backup could not be rescheduled; it is at the next start");
        }
    }
}
