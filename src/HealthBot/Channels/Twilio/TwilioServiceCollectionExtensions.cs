using HealthBot.Dialog;
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
        // Twilio sends SMS and WhatsApp unless another provider is chosen for them (Channels:Sms:Provider,
        // Channels:WhatsApp:Provider); its sender and its in-doubt lookup then leave that channel alone, so a Kannel
        // or Meta deployment never asks Twilio about its sends.
        var names = new List<string>();
        if (ChannelProviders.SmsProvider(configuration) == ChannelProviders.Twilio)
        {
            names.Add(ChannelNames.Sms);
        }

        if (ChannelProviders.WhatsAppProvider(configuration) == ChannelProviders.Twilio)
        {
            names.Add(ChannelNames.WhatsApp);
        }

        services.AddSingleton(new TwilioChannels(names));
        services.AddSingleton<IChannelSender, TwilioSender>();
        services.AddSingleton<IDeliveryLookup, TwilioDeliveryLookup>();
        return services;
    }
}

/// <summary>The channels Twilio sends in this deployment.</summary>
public sealed record TwilioChannels(IReadOnlyCollection<string> Names);
