using HealthBot.Channels.Telegram;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary><c>healthbot telegram set-webhook | info | delete-webhook</c> as an operator runs it, against the peer.</summary>
public sealed class TelegramCommandTests : IAsyncLifetime
{
    private LocalTelegramPeer telegram = null!;
    private DirectoryInfo data = null!;

    public async Task InitializeAsync()
    {
        telegram = await LocalTelegramPeer.StartAsync(TelegramWebhookTests.BotToken);
        data = Directory.CreateTempSubdirectory("healthbot-telegram-");
    }

    public async Task DisposeAsync()
    {
        await telegram.DisposeAsync();
        data.Delete(recursive: true);
    }

    [Fact]
    public async Task Set_webhook_registers_the_public_address_with_the_secret_and_info_shows_it()
    {
        var set = await RunAsync("telegram", "set-webhook");

        Assert.True(set.ExitCode == 0, set.Stderr);
        Assert.Equal("https://bot.example.org/webhooks/telegram", telegram.WebhookUrl);
        Assert.Equal(TelegramWebhookTests.Secret, telegram.WebhookSecret);
        Assert.DoesNotContain(TelegramWebhookTests.Secret, set.Stdout + set.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramWebhookTests.BotToken, set.Stdout + set.Stderr, StringComparison.Ordinal);

        var info = await RunAsync("telegram", "info");
        Assert.Contains("bot @" + LocalTelegramPeer.BotUsername, info.Stdout, StringComparison.Ordinal);
        Assert.Contains("webhook: https://bot.example.org/webhooks/telegram", info.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("telegram", "delete-webhook")).ExitCode);
        Assert.Equal(string.Empty, telegram.WebhookUrl);
    }

    [Theory]
    [InlineData("http://bot.example.org", 2)]
    [InlineData("", 2)]
    public async Task An_address_telegram_would_refuse_is_refused_here_first(string address, int exit)
    {
        var run = address.Length == 0
            ? await RunAsync(new Dictionary<string, string?> { ["Telegram__PublicBaseUrl"] = null }, "telegram",
                "set-webhook")
            : await RunAsync("telegram", "set-webhook", address);

        Assert.Equal(exit, run.ExitCode);
        Assert.Equal(string.Empty, telegram.WebhookUrl);
    }

    private Task<CliRun.Result> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    private Task<CliRun.Result> RunAsync(IReadOnlyDictionary<string, string?> extra, params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Storage__DataDirectory"] = data.FullName,
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram__BotToken"] = TelegramWebhookTests.BotToken,
            ["Telegram__WebhookSecret"] = TelegramWebhookTests.Secret,
            ["Telegram__PublicBaseUrl"] = "https://bot.example.org",
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return CliRun.RunAsync(null, environment, TimeSpan.FromMinutes(1), args);
    }
}
