using HealthBot.Outbox;

namespace HealthBot.Channels.Meta;

public static class MetaServiceCollectionExtensions
{
    /// <summary>
    /// WhatsApp through Meta's Cloud API: its webhook always maps (404 until <c>MetaWhatsApp__AppSecret</c> is set),
    /// and it sends the WhatsApp channel when <c>Channels:WhatsApp:Provider</c> is <c>meta</c>; Twilio settings are
    /// then not needed.
    /// </summary>
    public static IServiceCollection AddMetaWhatsAppChannel(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetaWhatsAppOptions>().Bind(configuration.GetSection(MetaWhatsAppOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(MetaSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<MetaTopicMenu>();
        if (ChannelProviders.WhatsAppProvider(configuration) != ChannelProviders.Meta)
        {
            return services;
        }

        services.AddSingleton<IChannelSender, MetaSender>();
        services.AddSingleton<IProviderProbe, MetaProbe>();
        return services;
    }
}
