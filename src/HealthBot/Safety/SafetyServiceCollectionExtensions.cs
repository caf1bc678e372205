using HealthBot.Dialog;

namespace HealthBot.Safety;

public static class SafetyServiceCollectionExtensions
{
    public static IServiceCollection AddSafety(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SafetyOptions>().Bind(configuration.GetSection(SafetyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ITriage, RuleTriage>();
        services.AddSingleton<ReplyLimiter>();
        return services;
    }
}
