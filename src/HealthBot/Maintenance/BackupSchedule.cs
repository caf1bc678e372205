using Hangfire;
using HealthBot.Campaigns;
using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>The daily backup as a Hangfire recurring job, where this node runs jobs and data is SQLite.</summary>
public static class BackupSchedule
{
    public static void Register(IServiceProvider services)
    {
        var backup = services.GetRequiredService<IOptions<BackupOptions>>().Value;
        var runsJobs = services.GetRequiredService<IOptions<CampaignOptions>>().Value.RunJobs;
        if (!runsJobs)
        {
            return;
        }

        var jobs = services.GetRequiredService<IRecurringJobManager>();
        if (!backup.Daily || services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres)
        {
            // PostgreSQL is backed up with pg_dump (see README); a switched-off schedule must also stop an old one.
            jobs.RemoveIfExists(BackupService.DailyJobId);
            return;
        }

        jobs.AddOrUpdate<BackupService>(
            BackupService.DailyJobId,
            b => b.Daily(),
            Cron.Daily(backup.DailyAt.Hours, backup.DailyAt.Minutes),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Local });
    }
}
