using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => DataKeys.Load(
            Environment.GetEnvironmentVariable,
            DataKeys.DevelopmentKeyFile(sp.GetRequiredService<IOptions<StorageOptions>>().Value),
            sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.RequireDataKey));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<DataKeyCheck>();
        services.AddSingleton<IPrivacyStore, SqlPrivacyStore>();
        services.AddSingleton<PrivacyWorker>();
        return services;
    }

    /// <summary>The background privacy sweep: only for the web host.</summary>
    public static IServiceCollection AddPrivacyWorker(this IServiceCollection services) =>
        services.AddHostedService(sp => sp.GetRequiredService<PrivacyWorker>());
}
