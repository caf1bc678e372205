using HealthBot.Data;

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
        services.AddOptions<ClockOptions>().Bind(configuration.GetSection(ClockOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClockJumpDetector>();
        services.AddSingleton<SqlClockEvents>();
        services.AddSingleton<ClockCheck>();
        services.AddSingleton<ClockHold>();
        services.AddSingleton<ClockCorrection>();
        services.AddSingleton<ClockWatch>();
        services.AddSingleton<BoxWarnings>();
        services.AddSingleton<IBeforeMigration, StartupGuard>();
        return services;
    }

    /// <summary>The data directory's lock, held while <c>serve</c> runs (restore refuses to run beside it).</summary>
    public static IServiceCollection AddDataDirectoryLock(this IServiceCollection services) =>
        services.AddHostedService<DataDirectoryLock>();

    /// <summary>The clock's watch (jumps, heartbeats), while <c>serve</c> runs.</summary>
    public static IServiceCollection AddClockWatch(this IServiceCollection services) =>
        services.AddHostedService(sp => sp.GetRequiredService<ClockWatch>());

    /// <summary>The daily backup as a Hangfire recurring job, where this node runs jobs and data is SQLite.</summary>
    public static WebApplication ScheduleBackups(this WebApplication app)
    {
        BackupSchedule.Register(app.Services);
        return app;
    }
}
