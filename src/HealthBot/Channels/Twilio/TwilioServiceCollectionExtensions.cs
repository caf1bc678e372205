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
        // Twilio sends WhatsApp, and SMS unless another provider is chosen for it (Channels:Sms:Provider); its sender
        // and its in-doubt lookup then leave SMS alone, so a Kannel deployment never asks Twilio about its sends.
        services.AddSingleton(new TwilioChannels(ChannelProviders.SmsProvider(configuration) == ChannelProviders.Twilio
            ? [ChannelNames.Sms, ChannelNames.WhatsApp]
            : [ChannelNames.WhatsApp]));
        services.AddSingleton<IChannelSender, TwilioSender>();
        services.AddSingleton<IDeliveryLookup, TwilioDeliveryLookup>();
        return services;
    }
}

/// <summary>The channels Twilio sends in this deployment.</summary>
public sealed record TwilioChannels(IReadOnlyCollection<string> Names);
