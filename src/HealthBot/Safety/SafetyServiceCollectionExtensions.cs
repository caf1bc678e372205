using HealthBot.Dialog;

namespace HealthBot.Safety;

public static class SafetyServiceCollectionExtensions
{
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddSingleton<ITriage, RuleTriage>();
        return services;
    }
}
