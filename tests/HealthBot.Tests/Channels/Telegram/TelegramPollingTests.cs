using System.Net;
using HealthBot.Channels.Telegram;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>
/// Telegram:Mode=polling, for a box behind NAT: no webhook, no public address; HealthBot asks getUpdates on the
/// local Bot API peer, and the answers go out as with the webhook.
/// </summary>
public sealed class TelegramPollingTests : IAsyncLifetime
{
    private LocalTelegramPeer telegram = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        telegram = await LocalTelegramPeer.StartAsync(TelegramWebhookTests.BotToken);
        // A webhook left from before: Telegram refuses getUpdates (409) until it is removed.
        telegram.WebhookUrl = "https://old.example.org/webhooks/telegram";
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:BotToken"] = TelegramWebhookTests.BotToken,
            ["Telegram:Mode"] = "polling",
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Channels:ProbeInterval"] = "00:00:01",
        });
        _ = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task Messages_fetched_by_polling_are_answered_once_each()
    {
        await Eventually.WaitAsync(() => Task.FromResult(telegram.WebhookUrl), u => u.Length == 0,
            "the old webhook removed", 30000);

        Assert.Equal(HttpStatusCode.Accepted, await telegram.PersonSendsAsync(1111501, "how do i make ORS at home"));
        Assert.Equal(HttpStatusCode.Accepted, await telegram.PersonSendsAsync(1111502, "/language pt"));

        var sent = await Eventually.WaitForAsync(() => telegram.Received.ToList(), r => r.Count >= 2,
            "both answered", 30000);
        Assert.Contains(sent, m => m.ChatId == 1111501 && m.Visible.Contains("ORS", StringComparison.Ordinal));
        var contact = await factory.Service<IContactStore>().FindAsync("telegram", "1111502");
        Assert.Equal("pt", contact!.Language);
        // Later polls confirm what was stored: nothing is fetched and answered a second time.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await factory.WaitIdleAsync();
        Assert.Equal(2, telegram.Received.Count);
        Assert.Equal(2, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
    }

    [Fact]
    public async Task Readyz_says_the_bot_receives_by_polling()
    {
        var ready = await Eventually.WaitAsync(() => factory.CreateClient().GetStringAsync("/readyz"),
            r => r.Contains("receiving by polling", StringComparison.Ordinal), "telegram in /readyz", 30000);
        Assert.Contains("\"name\":\"telegram\"", ready, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_set_while_polling_is_removed_again_and_readyz_says_down_while_telegram_refuses()
    {
        await Eventually.WaitAsync(() => Task.FromResult(telegram.WebhookUrl), u => u.Length == 0,
            "the old webhook removed", 30000);
        await ReadyzAsync("\"up\":true", "receiving by polling");

        // Another box (or `healthbot telegram set-webhook` by mistake) sets a webhook and keeps setting it.
        telegram.WebhookKeptByAnotherBox = true;
        telegram.WebhookUrl = "https://other.example.org/webhooks/telegram";
        var down = await ReadyzAsync("\"up\":false", "409");
        Assert.Contains("webhook", down, StringComparison.Ordinal);

        telegram.WebhookKeptByAnotherBox = false;
        await Eventually.WaitAsync(() => Task.FromResult(telegram.WebhookUrl), u => u.Length == 0,
            "the webhook removed again by polling", 60000);
        Assert.Equal(HttpStatusCode.Accepted, await telegram.PersonSendsAsync(1111503, "how do i make ORS at home"));
        await Eventually.WaitForAsync(() => telegram.Received.ToList(), r => r.Any(m => m.ChatId == 1111503),
            "answered after the conflict", 60000);
        await ReadyzAsync("\"up\":true", "receiving by polling");
        // Said once for the whole conflict, however many 409s it lasted, and without anyone's messages.
        Assert.Single(factory.Logs, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("409"));
    }

    private Task<string> ReadyzAsync(string state, string detail) =>
        Eventually.WaitAsync(() => factory.CreateClient().GetStringAsync("/readyz"),
            r => r.Contains("\"name\":\"telegram\"," + state, StringComparison.Ordinal) &&
                 r.Contains(detail, StringComparison.Ordinal), $"telegram {state} ({detail}) in /readyz", 30000);
}
