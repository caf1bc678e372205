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
    /// <summary>How many send time limits a Twilio call may stay open before it is closed.</summary>
    public const int AbandonedCallFactor = 4;

    public static IServiceCollection AddTwilioChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<TwilioApiBaseHandler>();
        // The outbox stops waiting after its SendTimeout but cannot cancel the library's call, which stays open (the
        // row in doubt) until it ends; a connection that never answers is closed at four times that, so the row is
        // then looked up at Twilio and sent if Twilio does not have it, instead of waiting for as long as it hangs.
        services.AddHttpClient(TwilioSender.HttpClientName)
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<IOptions<OutboxOptions>>().Value
                .SendTimeout * AbandonedCallFactor)
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
