using Hangfire;
using HealthBot.Campaigns;
using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

public static class MaintenanceServiceCollectionExtensions
{
    public static IServiceCollection AddMaintenance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BackupStatusFile>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<RestoreService>();
        services.AddSingleton<DiskSpace>();
        services.AddSingleton<ClockCheck>();
        services.AddSingleton<BoxWarnings>();
        services.AddSingleton<IBeforeMigration, StartupGuard>();
        return services;
    }

    /// <summary>The data directory's lock, held while <c>serve</c> runs (restore refuses to run beside it).</summary>
    public static IServiceCollection AddDataDirectoryLock(this IServiceCollection services) =>
        services.AddHostedService<DataDirectoryLock>();

    /// <summary>The daily backup as a Hangfire recurring job, where this node runs jobs and data is SQLite.</summary>
    public static WebApplication ScheduleBackups(this WebApplication app)
    {
        var backup = app.Services.GetRequiredService<IOptions<BackupOptions>>().Value;
        var runsJobs = app.Services.GetRequiredService<IOptions<CampaignOptions>>().Value.RunJobs;
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        if (!runsJobs)
        {
            return app;
        }

        if (!backup.Daily || app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres)
        {
            // PostgreSQL is backed up with pg_dump (see README); a switched-off schedule must also stop an old one.
            jobs.RemoveIfExists(BackupService.DailyJobId);
            return app;
        }

        jobs.AddOrUpdate<BackupService>(
            BackupService.DailyJobId,
            b => b.Daily(),
            Cron.Daily(backup.DailyAt.Hours, backup.DailyAt.Minutes),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Local });
        return app;
    }
}
