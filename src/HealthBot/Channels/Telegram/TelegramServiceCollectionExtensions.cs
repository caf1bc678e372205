using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.Telegram;

/// <summary>The Telegram folder: a bot, its own channel <c>telegram</c>, webhook or getUpdates polling.</summary>
public sealed class TelegramProvider : IProviderFolder
{
    public const string Name = "telegram";
    public const string Channel = "telegram";

    /// <summary>
    /// 4,096 characters a message (https://core.telegram.org/bots/api#sendmessage); the content's web bodies, their
    /// Markdown sent as Telegram's HTML by <see cref="TelegramSender"/>; campaigns reach people who started the bot.
    /// </summary>
    public static readonly ChannelSpec Spec = new(
        Channel, TextEncoding.Unicode, TextFormatting.Markdown, MaxChars: 4096, MaxParts: 3, UseWebBody: true,
        Campaigns: true)
    {
        AddressProblem = ChatIdProblem,
    };

    /// <summary>
    /// A person's chat id is a positive number (https://core.telegram.org/bots/api#chat); groups and channels have
    /// negative ones, and a health bot messages people, never a group.
    /// </summary>
    public static string? ChatIdProblem(string address) =>
        (long.TryParse(address, System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var id) && !address.StartsWith('+')) switch
        {
            false => $"a telegram address is a chat id (digits), e.g. 123456789, not '{address}'",
            true when id < 0 => $"telegram chat id {address} is a group or channel: the bot messages people only " +
                                "(a person's chat id is a positive number)",
            true when id == 0 => "telegram chat id 0 is not a chat",
            // 0123456789 would be another contact than the 123456789 Telegram sends updates from: refused, not
            // guessed.
            true when address.StartsWith('0') =>
                $"telegram chat id {address} has a leading zero: write it as Telegram gives it, {id}",
            // "at most 52 significant bits" (https://core.telegram.org/bots/api#chat).
            true when id >= MaxChatId => $"telegram chat id {address} is beyond Telegram's 52-bit range",
            _ => null,
        };

    private const long MaxChatId = 1L << 52;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddTelegramChannel(configuration);

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapTelegramWebhook();
        // Polling runs only where the webhooks are mapped (the web service), never in a one-shot command.
        app.ServiceProvider.GetService<TelegramPolling>()?.Enable();
    }
}

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// The bot sends the <c>telegram</c> channel when <c>Telegram__BotToken</c> is set, and receives by webhook
    /// (with <c>Telegram__WebhookSecret</c>) or, with <c>Telegram:Mode=polling</c>, by asking getUpdates.
    /// </summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // The token is part of every URL: no request logging for this client.
        services.AddHttpClient(TelegramApi.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton<TelegramApi>();
        services.AddSingleton<TelegramInbound>();
        services.AddSingleton<TelegramPollingState>();
        var settings = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>()
                       ?? new TelegramOptions();
        IReadOnlyList<string> sends = settings.CanSend ? [Channel] : [];
        if (settings.CanSend)
        {
            services.AddSingleton<IChannelSender, TelegramSender>();
            services.AddSingleton<IProviderProbe, TelegramProbe>();
        }

        if (settings.CanSend && settings.Polling)
        {
            services.AddSingleton<TelegramPolling>();
            services.AddHostedService(sp => sp.GetRequiredService<TelegramPolling>());
        }

        return services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var configured = options.CanSend && (options.Polling || options.WebhookSecret.Length > 0);
            var note = !options.CanSend ? "off: Telegram__BotToken is not set"
                : options.Polling ? "Bot API sendMessage; receiving by getUpdates polling"
                : configured ? "Bot API sendMessage; receiving at " + TelegramWebhookEndpoints.Path
                : "sending only: Telegram__WebhookSecret is not set, so the webhook is off";
            // Without a bot the channel is not there at all: no empty column in insights, no campaign choice.
            IReadOnlyList<ChannelSpec> carried = options.CanSend ? [TelegramProvider.Spec] : [];
            return new ProviderRegistration(TelegramProvider.Name, carried, sends,
                new Dictionary<string, MessageLimit>(), configured, note);
        });
    }

    private static string Channel => TelegramProvider.Channel;
}
