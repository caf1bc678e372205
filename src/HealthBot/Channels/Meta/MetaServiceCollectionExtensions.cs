using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Meta;

/// <summary>The Meta folder: WhatsApp through Meta's Cloud API directly, without Twilio.</summary>
public sealed class MetaProvider : IProviderFolder
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddMetaWhatsAppChannel(configuration);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapMetaWhatsAppWebhooks();
}

public static class MetaServiceCollectionExtensions
{
    /// <summary>
    /// WhatsApp through Meta's Cloud API: its webhook always maps (404 until <c>MetaWhatsApp__AppSecret</c> is set),
    /// and it sends the WhatsApp channel when <c>Channels:WhatsApp:Provider</c> is <c>meta</c>; Twilio settings are
    /// then not needed. With credentials it answers the WhatsApp messages it carried whichever provider is chosen.
    /// </summary>
    public static IServiceCollection AddMetaWhatsAppChannel(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetaWhatsAppOptions>().Bind(configuration.GetSection(MetaWhatsAppOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(MetaSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<MetaTopicMenu>();
        var sends = ChannelProviders.Sends(configuration, ChannelProviders.Meta, ChannelSpec.WhatsApp);
        // Also when Twilio sends WhatsApp: with a number id and token, Meta answers the WhatsApp messages it received
        // (SenderRoutes); without them those are answered by the chosen sender.
        var canSend = configuration.GetSection(MetaWhatsAppOptions.Section).Get<MetaWhatsAppOptions>()?.CanSend;
        if (sends.Count > 0 || canSend == true)
        {
            // Probed whenever it sends, replies included: a Meta that only answers is as visible down as a chosen one.
            services.AddSingleton<IChannelSender, MetaSender>();
            services.AddSingleton<IProviderProbe, MetaProbe>();
        }

        return services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MetaWhatsAppOptions>>().Value;
            return new ProviderRegistration(ChannelProviders.Meta, [ChannelSpec.WhatsApp], sends,
                new Dictionary<string, MessageLimit>(), options.CanReceive,
                options.CanReceive ? "Graph API /messages: text, templates, topic lists"
                    : "off: MetaWhatsApp__AppSecret is not set");
        });
    }
}
