using HealthBot.Channels.Telegram;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary><c>healthbot telegram set-webhook | info | delete-webhook</c> as an operator runs it, against the peer.</summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
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
    [InlineData("http://bot.example.org")]
    [InlineData("")]
    [InlineData("https://bot.example.org/?token=1")]
    [InlineData("https://bot.example.org/#top")]
    [InlineData("https://bot.example.org/my bot")]
    [InlineData("https://bot example.org")]
    [InlineData("bot.example.org")]
    public async Task An_address_telegram_would_refuse_is_refused_here_first(string address)
    {
        var run = address.Length == 0
            ? await RunAsync(new Dictionary<string, string?> { ["Telegram__PublicBaseUrl"] = null }, "telegram",
                "set-webhook")
            : await RunAsync("telegram", "set-webhook", address);

        Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
        Assert.Equal(string.Empty, telegram.WebhookUrl);
    }

    [Theory]
    [InlineData("set-webhook", "https://bot.example.org", "now")]
    [InlineData("info", "extra")]
    [InlineData("delete-webhook", "https://bot.example.org")]
    public async Task Extra_words_are_refused_with_the_usage_and_nothing_is_changed(params string[] args)
    {
        telegram.WebhookUrl = "https://kept.example.org/webhooks/telegram";

        var run = await RunAsync(new[] { "telegram" }.Concat(args).ToArray());

        Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
        Assert.Contains(TelegramCommand.Usage, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("https://kept.example.org/webhooks/telegram", telegram.WebhookUrl);
    }

    [Theory]
    [InlineData("info")]
    [InlineData("set-webhook")]
    [InlineData("delete-webhook")]
    public async Task An_unreachable_bot_api_is_one_line_and_exit_1_not_a_crash(string command)
    {
        var run = await RunAsync(new Dictionary<string, string?> { ["Telegram__ApiBaseUrl"] = "http://127.0.0.1:9" },
            "telegram", command);

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Stderr}");
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, run.Stderr);
        Assert.Contains("cannot reach the Bot API", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramWebhookTests.BotToken, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_says_polling_cannot_receive_while_a_webhook_is_set()
    {
        telegram.WebhookUrl = "https://other.example.org/webhooks/telegram";

        var run = await RunAsync(new Dictionary<string, string?> { ["Telegram__Mode"] = "polling" }, "doctor");

        var line = run.Stdout.Split('\n').FirstOrDefault(l => l.Contains(" telegram: ", StringComparison.Ordinal));
        Assert.True(line is not null, run.Stdout + run.Stderr);
        Assert.StartsWith("PROBLEM", line, StringComparison.Ordinal);
        Assert.Contains("409", line, StringComparison.Ordinal);
        Assert.Contains("delete-webhook", line, StringComparison.Ordinal);
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
            // A cold CLI process on a loaded 2-core CI machine took over the default 10 s for its first call.
            ["Telegram__TimeoutSeconds"] = "60",
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return CliRun.RunAsync(null, environment, TimeSpan.FromMinutes(1), args);
    }
}
