using HealthBot.Channels.Telegram;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>
/// HealthBot with the Telegram provider against a fresh local Bot API peer, the tests' bot token and secret.
/// </summary>
internal static class TelegramTestBot
{
    /// <param name="webhook">
    /// Serve on a loopback port and let the peer post updates to the webhook with the secret.
    /// </param>
    /// <param name="settings">More settings, e.g. an empty Twilio or a short outbox backoff.</param>
    public static async Task<(LocalTelegramPeer Telegram, HealthBotFactory Factory)> StartAsync(
        bool webhook, params (string Key, string? Value)[] settings)
    {
        var telegram = await LocalTelegramPeer.StartAsync(TelegramWebhookTests.BotToken);
        var all = new Dictionary<string, string?>
        {
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:BotToken"] = TelegramWebhookTests.BotToken,
            ["Telegram:WebhookSecret"] = TelegramWebhookTests.Secret,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var factory = new HealthBotFactory(settings: all);
        if (webhook)
        {
            var healthBot = factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort());
            telegram.WebhookUrl = new Uri(healthBot, TelegramWebhookEndpoints.Path).ToString();
            telegram.WebhookSecret = TelegramWebhookTests.Secret;
        }

        return (telegram, factory);
    }

    public static async Task StopAsync(HealthBotFactory factory, LocalTelegramPeer telegram)
    {
        await factory.DisposeAsync();
        await telegram.DisposeAsync();
    }
}
