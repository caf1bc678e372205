using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>The Africa's Talking folder: SMS through their messaging API, and the USSD health menu.</summary>
public sealed class AfricasTalkingProvider : IProviderFolder
{
    /// <summary>The provider's name, and the value of <c>Channels:Sms:Provider</c> that makes it send SMS.</summary>
    public const string Name = "africastalking";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddAfricasTalkingChannel(configuration);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAfricasTalkingWebhooks().WarnIfOff();
}

/// <summary>
/// The USSD channel: what people read in a session, one screen at a time; nothing is ever pushed to it.
/// </summary>
public static class UssdChannel
{
    public const string Name = "ussd";

    public static readonly ChannelSpec Spec = new(Name, TextEncoding.Unicode, TextFormatting.Plain,
        MaxChars: 182, MaxParts: 1, UseWebBody: false, Campaigns: false);
}

public static class AfricasTalkingServiceCollectionExtensions
{
    /// <summary>
    /// Africa's Talking: its callbacks always map (404 until <c>AfricasTalking__CallbackSecret</c> is set), and it
    /// sends SMS when <c>Channels:Sms:Provider</c> is <c>africastalking</c>.
    /// </summary>
    public static IServiceCollection AddAfricasTalkingChannel(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AfricasTalkingOptions>().Bind(configuration.GetSection(AfricasTalkingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(AfricasTalkingSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<UssdActions>();
        services.AddSingleton<IChannelSender, UssdNoPush>();
        var sends = ChannelProviders.Sends(configuration, AfricasTalkingProvider.Name, ChannelSpec.Sms);
        // Also when another provider sends SMS: with an account, it answers the SMS it received (SenderRoutes).
        var canSend = configuration.GetSection(AfricasTalkingOptions.Section).Get<AfricasTalkingOptions>()?.CanSend;
        if (sends.Count > 0 || canSend == true)
        {
            services.AddSingleton<AfricasTalkingSender>();
            services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<AfricasTalkingSender>());
        }

        // Probed when it has an account to check: it sends, or its username is set (the key may then be missing).
        if (sends.Count > 0 || !string.IsNullOrEmpty(configuration["AfricasTalking:Username"]))
        {
            services.AddSingleton<IProviderProbe, AfricasTalkingProbe>();
        }

        return services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AfricasTalkingOptions>>().Value;
            var missing = options.Missing(sends.Count > 0);
            return new ProviderRegistration(AfricasTalkingProvider.Name, [ChannelSpec.Sms, UssdChannel.Spec], sends,
                new Dictionary<string, MessageLimit>(), missing is null,
                missing ?? (sends.Count > 0 ? "messaging API" : "callbacks only") +
                (options.Ussd.Enabled ? ", USSD menu" : string.Empty));
        });
    }

    /// <summary>Said once at start, so a missing secret is not found by a person waiting for an answer.</summary>
    internal static IEndpointRouteBuilder WarnIfOff(this IEndpointRouteBuilder app)
    {
        var registration = app.ServiceProvider.GetServices<ProviderRegistration>()
            .LastOrDefault(r => r.Name == AfricasTalkingProvider.Name);
        var configured = app.ServiceProvider.GetRequiredService<IConfiguration>()
            .GetSection(AfricasTalkingOptions.Section).GetChildren().Any(c => c.Value is { Length: > 0 });
        if (registration is { Configured: false } && (configured || registration.Sends.Count > 0))
        {
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AfricasTalkingProvider))
                .LogWarning("Africa's Talking stays off: {Missing}", registration.Note);
        }

        return app;
    }
}

/// <summary>
/// Nothing is pushed over USSD: the person reads answers inside the session. Should a USSD message ever get a reply
/// queued (the dialog worker taking the help request first), it fails with the reason instead of waiting for ever.
/// </summary>
internal sealed class UssdNoPush : IChannelSender
{
    public IReadOnlyCollection<string> Channels { get; } = [UssdChannel.Name];

    public Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct) => Task.FromResult<SendResult>(
        new SendResult.Fail("ussd-no-push", "USSD shows answers only inside a session; nothing is sent afterwards"));
}
