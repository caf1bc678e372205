using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Twilio;

/// <summary>The Twilio folder: SMS and WhatsApp over the internet (the default provider of both).</summary>
public sealed class TwilioProvider : IProviderFolder
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddTwilioChannel(configuration);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapTwilioWebhooks();
}

public static class TwilioServiceCollectionExtensions
{
    public static IServiceCollection AddTwilioChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<TwilioApiBaseHandler>();
        // The library applies its own timeout handling; ours is the outbox's SendTimeout.
        services.AddHttpClient(TwilioSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<TwilioApiBaseHandler>();
        // Twilio sends WhatsApp and SMS unless another provider is chosen for them (Channels:Sms:Provider); its sender
        // and its in-doubt lookup then leave SMS alone, so a Kannel deployment never asks Twilio about its sends.
        var sends = ChannelProviders.Sends(
            configuration, ChannelProviders.Twilio, ChannelSpec.Sms, ChannelSpec.WhatsApp);
        services.AddSingleton(new TwilioChannels(sends));
        services.AddSingleton(sp => Registration(sends, sp.GetRequiredService<IOptions<TwilioOptions>>().Value));
        services.AddSingleton<IChannelSender, TwilioSender>();
        services.AddSingleton<IDeliveryLookup, TwilioDeliveryLookup>();
        return services;
    }

    /// <summary>
    /// Twilio takes at most 1,600 characters per message, SMS or WhatsApp
    /// (https://www.twilio.com/docs/api/errors/21617).
    /// </summary>
    private static ProviderRegistration Registration(IReadOnlyList<string> sends, TwilioOptions options)
    {
        var limit = new MessageLimit(MaxChars: ChannelProfile.TwilioMaxChars);
        return new ProviderRegistration(ChannelProviders.Twilio, [ChannelSpec.Sms, ChannelSpec.WhatsApp], sends,
            new Dictionary<string, MessageLimit> { [ChannelNames.Sms] = limit, [ChannelNames.WhatsApp] = limit },
            options.CanSend, options.CanSend ? "REST API" : "off: Twilio:AccountSid and Twilio__AuthToken are not set");
    }
}

/// <summary>The channels Twilio sends in this deployment.</summary>
public sealed record TwilioChannels(IReadOnlyCollection<string> Names);
