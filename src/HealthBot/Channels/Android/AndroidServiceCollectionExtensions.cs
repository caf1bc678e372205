using HealthBot.Outbox;

namespace HealthBot.Channels.Android;

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
        if (ChannelProviders.SmsProvider(configuration) == ChannelProviders.Android)
        {
            services.AddSingleton<IChannelSender, AndroidSender>();
        }

        if (!string.IsNullOrEmpty(configuration["AndroidGateway:BaseUrl"]))
        {
            services.AddSingleton<IProviderProbe, AndroidProbe>();
        }

        return services;
    }
}
