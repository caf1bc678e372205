using HealthBot.Outbox;

namespace HealthBot.Channels.Kannel;

public static class KannelServiceCollectionExtensions
{
    /// <summary>
    /// The Kannel provider: its webhooks always map (they answer 404 until <c>Kannel__Secret</c> is set), and it
    /// sends the SMS channel when <c>Channels:Sms:Provider</c> is <c>kannel</c>.
    /// </summary>
    public static IServiceCollection AddKannelChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KannelOptions>().Bind(configuration.GetSection(KannelOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(KannelSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        if (ChannelProviders.SmsProvider(configuration) == ChannelProviders.Kannel)
        {
            services.AddSingleton<IChannelSender, KannelSender>();
        }

        if (!string.IsNullOrEmpty(configuration["Kannel:StatusUrl"]))
        {
            services.AddSingleton<IProviderProbe, KannelProbe>();
        }

        return services;
    }
}
