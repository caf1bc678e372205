using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Safety;

public static class SafetyServiceCollectionExtensions
{
    public static IServiceCollection AddSafety(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SafetyOptions>().Bind(configuration.GetSection(SafetyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ITriage, RuleTriage>();
        services.AddSingleton<SecondOpinion>();
        services.AddSingleton<ReplyLimiter>();
        services.AddSingleton<IAlertStore, SqlAlerts>();
        services.AddSingleton<SqlAlertSummaries>();
        return services;
    }

    /// <summary>The summary SMS for alerts past the on-call SMS budget (web host only).</summary>
    public static IServiceCollection AddAlertSummaryWorker(this IServiceCollection services) =>
        services.AddSingleton<AlertSummaryWorker>().AddHostedService(sp => sp.GetRequiredService<AlertSummaryWorker>());
}
