using HealthBot.Outbox;

namespace HealthBot.Channels.Twilio;

public static class TwilioServiceCollectionExtensions
{
    public static IServiceCollection AddTwilioChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<TwilioApiBaseHandler>();
        // The library applies its own timeout handling; ours is the outbox's SendTimeout.
        services.AddHttpClient(TwilioSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<TwilioApiBaseHandler>();
        services.AddSingleton<IChannelSender, TwilioSender>();
        services.AddSingleton<IDeliveryLookup, TwilioDeliveryLookup>();
        return services;
    }
}
