using HealthBot.Operability;

namespace HealthBot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IOutboxStore, SqlOutboxStore>();
        services.AddSingleton<ChannelRateLimiter>();
        services.AddSingleton<InDoubtSends>();
        services.AddSingleton<SenderRoutes>();
        services.AddSingleton<ContactReplyRoute>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    public static IServiceCollection AddOutboxWorker(this IServiceCollection services) =>
        services.AddHostedService<OutboxWorker>();
}
