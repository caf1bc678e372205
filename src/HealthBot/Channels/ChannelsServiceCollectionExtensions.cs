using HealthBot.Channels.Android;
using HealthBot.Channels.Kannel;
using HealthBot.Channels.Meta;
using HealthBot.Channels.Twilio;
using HealthBot.Channels.WebChat;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthBot.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>Every provider folder registers itself here; which one sends a channel is configuration.</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChannelsOptions>().Bind(configuration.GetSection(ChannelsOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<InboundReceiver>();
        services.TryAddSingleton<ProviderMonitor>();
        return services
            .AddTwilioChannel(configuration)
            .AddKannelChannel(configuration)
            .AddAndroidGatewayChannel(configuration)
            .AddMetaWhatsAppChannel(configuration)
            .AddWebChat(configuration);
    }

    /// <summary>The health probes run only in the web service, not in one-shot commands.</summary>
    public static IServiceCollection AddProviderMonitor(this IServiceCollection services) =>
        services.AddHostedService<ProviderMonitorWorker>();
}
