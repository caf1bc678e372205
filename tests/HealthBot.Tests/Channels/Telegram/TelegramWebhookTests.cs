using System.Globalization;
using System.Net;
using System.Text;
using HealthBot.Channels.Telegram;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>Telegram's webhook over HTTP: recorded updates, the secret-token header, redeliveries, settings.</summary>
// Left out of the PostgreSQL pass: the provider's protocol; its inbound path and stores run on PostgreSQL in the
// provider's other classes.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    public const string BotToken = "7000000001:AAHtestTokenForHealthBotTests_0123";
    public const string Secret = "telegram-webhook-secret_for-tests";
    private HealthBotFactory factory = null!;

    public static TheoryData<string, int, string, string, string> Cases()
    {
        var data = new TheoryData<string, int, string, string, string>();
        var file = HealthBotFactory.RepositoryPath("src/HealthBot/Channels/Telegram/testdata/updates.tsv");
        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var f = line.Split('\t');
            data.Add(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], f[4]);
        }

        return data;
    }

    public Task InitializeAsync()
    {
        // The bot's API is nowhere: these tests look at receiving only; replies wait in the outbox.
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = BotToken,
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recorded_updates_are_stored_as_the_dialog_reads_them_or_refused_with_a_reason(
        string name, int status, string address, string text, string body)
    {
        var response = await PostAsync(body, Secret);

        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{name}: {answer}");
        if (status == 400)
        {
            Assert.Contains("detail", answer);
        }

        if (address != "-")
        {
            var contact = await factory.Service<IContactStore>().FindAsync("telegram", address);
            var stored = await factory.Service<IMessageStore>().ConversationAsync(contact!.Id, 0, 10);
            Assert.Equal(text, stored.First(m => m.Direction == "in").Body);
        }

        Assert.Equal(address == "-" ? 0 : 1,
            await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
        InboundLogs.AssertOneLinePerMessageAndNoPersonalData(
            name, factory.Logs.ToList(), address == "-" ? 0 : 1, address, text);
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("no header")]
    [InlineData("empty header")]
    [InlineData("secret with a prefix")]
    [InlineData("other case")]
    [InlineData("the bot token")]
    public async Task A_forged_or_missing_secret_is_unauthorized_and_nothing_is_stored(string forgery)
    {
        var body = Text(1111301, "hello", 864300001);
        var sent = forgery switch
        {
            "wrong secret" => "telegram-webhook-secret_for-test5",
            "empty header" => "",
            "secret with a prefix" => "x" + Secret,
            "other case" => Secret.ToUpperInvariant(),
            "the bot token" => BotToken,
            _ => null,
        };

        var response = await PostAsync(body, sent);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await factory.Service<IContactStore>().FindAsync("telegram", "1111301"));
    }

    [Fact]
    public async Task Garbage_without_the_secret_is_refused_as_unauthorized_before_it_is_parsed()
    {
        var response = await PostAsync("{not json", "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_redelivered_update_is_acknowledged_and_stored_once()
    {
        var body = Text(1111302, "how do i make ORS at home", 864300002);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body, Secret)).StatusCode);

        var again = await PostAsync(body, Secret);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"duplicate\":true", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
    }

    [Fact]
    public async Task The_persons_telegram_language_is_theirs_until_their_words_say_otherwise()
    {
        var body = Text(1111303, "habari", 864300003).Replace("\"en\"", "\"sw\"", StringComparison.Ordinal);

        await PostAsync(body, Secret);

        var contact = await factory.Service<IContactStore>().FindAsync("telegram", "1111303");
        Assert.Equal("sw", contact!.Language);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("polling", Secret)]
    public async Task Without_a_secret_or_when_polling_the_webhook_does_not_exist(string? mode, string? secret)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = BotToken, ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
        };
        if (mode is not null)
        {
            settings["Telegram:Mode"] = mode;
            settings["Telegram:WebhookSecret"] = secret;
        }

        await using var off = new HealthBotFactory(settings: settings);
        var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoints.Path)
        {
            Content = new StringContent(Text(1111304, "hi", 864300004), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhookEndpoints.SecretHeader, secret ?? string.Empty);

        Assert.Equal(HttpStatusCode.NotFound, (await off.CreateClient().SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("Telegram:Mode", "push")]
    [InlineData("Telegram:WebhookSecret", "has spaces in it")]
    [InlineData("Telegram:BotToken", "not-a-token")]
    [InlineData("Telegram:PublicBaseUrl", "http://bot.example.org")]
    [InlineData("Telegram:PublicBaseUrl", "https://bot.example.org/?key=1")]
    public async Task A_wrong_setting_stops_the_start_with_its_name(string key, string value)
    {
        var run = await CliRun.ServeAsync(new Dictionary<string, string?> { [key.Replace(":", "__")] = value });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("healthbot: invalid settings: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(key.Split(':')[^1], run.Stderr, StringComparison.Ordinal);
        if (key is "Telegram:WebhookSecret" or "Telegram:BotToken")
        {
            Assert.DoesNotContain(value, run.Stderr, StringComparison.Ordinal); // a secret is never repeated
        }
    }

    public static string Text(long chat, string text, long updateId) => System.Text.Json.JsonSerializer.Serialize(new
    {
        update_id = updateId,
        message = new
        {
            message_id = 77, date = 1441645532, text,
            from = new { id = chat, is_bot = false, first_name = "Test", language_code = "en" },
            chat = new { id = chat, first_name = "Test", type = "private" },
        },
    });

    private Task<HttpResponseMessage> PostAsync(string body, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoints.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoints.SecretHeader, secret);
        }

        return factory.CreateClient().SendAsync(request);
    }
}
