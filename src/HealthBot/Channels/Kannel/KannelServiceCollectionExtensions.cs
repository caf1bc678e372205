using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Kannel;

/// <summary>The Kannel folder: SMS through a GSM modem or an operator's SMPP link, with no internet.</summary>
public sealed class KannelProvider : IProviderFolder
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddKannelChannel(configuration);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapKannelWebhooks();
}

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
        var sends = ChannelProviders.Sends(configuration, ChannelProviders.Kannel, ChannelSpec.Sms);
        // Also when another provider sends SMS: with sendsms set, it answers the SMS it received (SenderRoutes).
        if (sends.Count > 0 || configuration.GetSection(KannelOptions.Section).Get<KannelOptions>()?.CanSend == true)
        {
            services.AddSingleton<IChannelSender, KannelSender>();
        }

        if (!string.IsNullOrEmpty(configuration["Kannel:StatusUrl"]))
        {
            services.AddSingleton<IProviderProbe, KannelProbe>();
        }

        return services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KannelOptions>>().Value;
            return new ProviderRegistration(ChannelProviders.Kannel, [ChannelSpec.Sms], sends,
                new Dictionary<string, MessageLimit> { [ChannelNames.Sms] = new(MaxSegments: options.MaxSegments) },
                options.CanReceive, options.CanReceive
                    ? $"sendsms, at most {options.MaxSegments} parts per message (Kannel:MaxSegments)"
                    : "off: Kannel__Secret is not set");
        });
    }
}
