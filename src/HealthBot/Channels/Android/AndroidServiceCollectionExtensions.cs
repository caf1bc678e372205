using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Android;

/// <summary>The Android folder: SMS through a phone running SMS Gateway for Android on the office network.</summary>
public sealed class AndroidProvider : IProviderFolder
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddAndroidGatewayChannel(configuration);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAndroidGatewayWebhooks();
}

public static class AndroidServiceCollectionExtensions
{
    /// <summary>
    /// The Android phone provider: its webhook always maps (it answers 404 until <c>AndroidGateway__SigningKey</c>
    /// is set), and it sends the SMS channel when <c>Channels:Sms:Provider</c> is <c>android</c>.
    /// </summary>
    public static IServiceCollection AddAndroidGatewayChannel(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AndroidGatewayOptions>().Bind(configuration.GetSection(AndroidGatewayOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AndroidReplayGuard>();
        services.AddHttpClient(AndroidSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        var sends = ChannelProviders.Sends(configuration, ChannelProviders.Android, ChannelSpec.Sms);
        // Also when another provider sends SMS: with the phone's server set, it answers the SMS it received.
        var canSend = configuration.GetSection(AndroidGatewayOptions.Section).Get<AndroidGatewayOptions>()?.CanSend;
        if (sends.Count > 0 || canSend == true)
        {
            services.AddSingleton<IChannelSender, AndroidSender>();
        }

        if (!string.IsNullOrEmpty(configuration["AndroidGateway:BaseUrl"]))
        {
            services.AddSingleton<IProviderProbe, AndroidProbe>();
        }

        return services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AndroidGatewayOptions>>().Value;
            var on = options.CanReceive || options.CanSend;
            return new ProviderRegistration(ChannelProviders.Android, [ChannelSpec.Sms], sends,
                new Dictionary<string, MessageLimit> { [ChannelNames.Sms] = new(MaxSegments: options.MaxSegments) },
                on, on
                    ? $"phone's local server, at most {options.MaxSegments} SMS parts (AndroidGateway:MaxSegments)"
                    : "off: AndroidGateway:BaseUrl and AndroidGateway__SigningKey are not set");
        });
    }
}
