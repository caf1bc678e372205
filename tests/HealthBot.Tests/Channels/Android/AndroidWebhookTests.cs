using System.Globalization;
using System.Net;
using System.Text;
using HealthBot.Channels.Android;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Android;

/// <summary>The Android gateway webhook over HTTP: documented payloads, signature, stale and repeated events.</summary>
// Left out of the PostgreSQL pass: the provider's protocol; its inbound path and stores run on PostgreSQL in the
// provider's other classes.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class AndroidWebhookTests : IAsyncLifetime
{
    public const string SigningKey = "wh-signing-key-for-tests";
    private HealthBotFactory factory = null!;

    public static TheoryData<string, int, string, string, string> Cases()
    {
        var data = new TheoryData<string, int, string, string, string>();
        var file = HealthBotFactory.RepositoryPath("src/HealthBot/Channels/Android/testdata/events.tsv");
        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var f = line.Split('\t');
            data.Add(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], f[4]);
        }

        return data;
    }

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory(
            settings: new Dictionary<string, string?> { ["AndroidGateway:SigningKey"] = SigningKey });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Documented_payloads_are_stored_or_refused_with_a_reason(
        string name, int status, string from, string text, string body)
    {
        var response = await PostAsync(body, DateTimeOffset.UtcNow);

        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{name}: {answer}");
        if (status == 400)
        {
            Assert.Contains("detail", answer);
        }

        if (from != "-")
        {
            var contact = await factory.Service<IContactStore>().FindAsync("sms", from);
            var stored = await factory.Service<IMessageStore>().ConversationAsync(contact!.Id, 0, 10);
            Assert.Equal(text, stored.First(m => m.Direction == "in").Body);
        }

        Assert.Equal(from == "-" ? 0 : 1,
            await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
    }

    [Theory]
    [InlineData("wrong key")]
    [InlineData("tampered body")]
    [InlineData("no signature")]
    [InlineData("not hex")]
    public async Task A_forged_signature_is_forbidden_and_nothing_is_stored(string forgery)
    {
        var body = Received("+254700000310", "hello", "f0rg3dAbCdEfGhIjKlMnO");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = forgery switch
        {
            "wrong key" => AndroidSignature.Compute("another-key", Encoding.UTF8.GetBytes(body), timestamp),
            "tampered body" => AndroidSignature.Compute(
                SigningKey, Encoding.UTF8.GetBytes(body.Replace("hello", "hullo")), timestamp),
            "not hex" => "zz" + AndroidSignature.Compute(SigningKey, Encoding.UTF8.GetBytes(body), timestamp)[2..],
            _ => null,
        };

        var response = await SendAsync(body, timestamp, signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await factory.Service<IContactStore>().FindAsync("sms", "+254700000310"));
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(-60 * 60)]
    [InlineData(6 * 60)]
    public async Task A_correctly_signed_but_stale_or_future_timestamp_is_refused_as_a_replay(int offsetSeconds)
    {
        var body = Received("+254700000311", "hello", "st4l3AbCdEfGhIjKlMnOp");

        var response = await PostAsync(body, DateTimeOffset.UtcNow.AddSeconds(offsetSeconds));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("replay", await response.Content.ReadAsStringAsync());
        Assert.Null(await factory.Service<IContactStore>().FindAsync("sms", "+254700000311"));
    }

    [Fact]
    public async Task Four_minutes_of_clock_drift_is_accepted()
    {
        var response = await PostAsync(Received("+254700000312", "hello", "dr1ftAbCdEfGhIjKlMnOp"),
            DateTimeOffset.UtcNow.AddMinutes(-4));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_repeated_event_freshly_signed_is_stored_once_and_acknowledged()
    {
        var body = Received("+254700000313", "hello", "dup1cAt3AbCdEfGhIjKlM");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body, DateTimeOffset.UtcNow)).StatusCode);
        var again = await PostAsync(body, DateTimeOffset.UtcNow.AddSeconds(1));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("duplicate", await again.Content.ReadAsStringAsync());
        var contact = await factory.Service<IContactStore>().FindAsync("sms", "+254700000313");
        var stored = await factory.Service<IMessageStore>().ConversationAsync(contact!.Id, 0, 10);
        Assert.Single(stored, m => m.Direction == "in");
    }

    [Fact]
    public async Task Two_texts_with_the_same_content_based_message_id_are_both_stored()
    {
        // The docs: a received SMS's messageId comes from its content and is not unique; the event id is.
        foreach (var eventId in new[] { "y3s1AbCdEfGhIjKlMnOpQ", "y3s2AbCdEfGhIjKlMnOpQ" })
        {
            await PostAsync(Received("+254700000314", "yes", eventId, messageId: "same"), DateTimeOffset.UtcNow);
        }

        Assert.Equal(2, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
    }

    [Fact]
    public async Task Without_a_signing_key_the_webhook_does_not_exist()
    {
        await using var off = new HealthBotFactory();
        var request = new HttpRequestMessage(HttpMethod.Post, AndroidWebhookEndpoints.Path)
        {
            Content = new StringContent(
                Received("+254700000315", "hi", "0ffAbCdEfGhIjKlMnOpQr"), Encoding.UTF8, "application/json"),
        };

        Assert.Equal(HttpStatusCode.NotFound, (await off.CreateClient().SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("AndroidGateway:BaseUrl", "192.168.1.50:8080")]
    [InlineData("AndroidGateway:MaxSkew", "01:30:00")]
    [InlineData("Channels:Sms:Provider", "androd")]
    public async Task A_wrong_setting_stops_the_start_with_its_name(string key, string value)
    {
        var run = await CliRun.ServeAsync(new Dictionary<string, string?> { [key.Replace(":", "__")] = value });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("healthbot: invalid settings: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(key.Split(':')[^1], run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    public static string Received(string from, string text, string eventId, string messageId = "abc123") =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            deviceId = "ffffffffceb0b1db0000018e937c815b", @event = "sms:received", id = eventId,
            payload = new
            {
                messageId, message = text, phoneNumber = from, simNumber = 1,
                receivedAt = "2024-06-22T15:46:11.000+03:00",
            },
            webhookId = "w1",
        });

    private Task<HttpResponseMessage> PostAsync(string body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = AndroidSignature.Compute(SigningKey, Encoding.UTF8.GetBytes(body), timestamp);
        return SendAsync(body, timestamp, signature);
    }

    private Task<HttpResponseMessage> SendAsync(string body, string timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, AndroidWebhookEndpoints.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(AndroidSignature.TimestampHeader, timestamp);
        if (signature is not null)
        {
            request.Headers.Add(AndroidSignature.SignatureHeader, signature);
        }

        return factory.CreateClient().SendAsync(request);
    }
}
