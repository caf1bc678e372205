using System.Globalization;
using System.Net;
using System.Text;
using HealthBot.Channels.Meta;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Meta;

/// <summary>Meta's WhatsApp webhook over HTTP: recorded payloads, signatures, replays, the GET verification.</summary>
// Left out of the PostgreSQL pass: the provider's protocol; its inbound path and stores run on PostgreSQL in the
// provider's other classes.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class MetaWebhookTests : IAsyncLifetime
{
    public const string AppSecret = "meta-app-secret-for-tests";
    public const string VerifyToken = "meta-verify-token-for-tests";
    private HealthBotFactory factory = null!;

    public static TheoryData<string, int, string, string, string> Cases()
    {
        var data = new TheoryData<string, int, string, string, string>();
        var file = HealthBotFactory.RepositoryPath("src/HealthBot/Channels/Meta/testdata/webhooks.tsv");
        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var f = line.Split('\t');
            data.Add(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], f[4]);
        }

        return data;
    }

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["MetaWhatsApp:AppSecret"] = AppSecret,
            ["MetaWhatsApp:VerifyToken"] = VerifyToken,
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recorded_payloads_are_stored_or_refused_with_a_reason(
        string name, int status, string address, string text, string body)
    {
        var response = await PostAsync(body, MetaSignature.Compute(AppSecret, Encoding.UTF8.GetBytes(body)));

        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{name}: {answer}");
        if (status == 400)
        {
            Assert.Contains("detail", answer);
        }

        if (address != "-")
        {
            var contact = await factory.Service<IContactStore>().FindAsync("whatsapp", address);
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
    [InlineData("tampered body")]
    [InlineData("no signature")]
    [InlineData("not hex")]
    [InlineData("sha1 header")]
    [InlineData("signed without prefix")]
    public async Task A_forged_signature_is_forbidden_and_nothing_is_stored(string forgery)
    {
        var body = Text("16505550310", "hello", "wamid.f0rg3d");
        var good = MetaSignature.Compute(AppSecret, Encoding.UTF8.GetBytes(body));
        var signature = forgery switch
        {
            "wrong secret" => MetaSignature.Compute("another-secret", Encoding.UTF8.GetBytes(body)),
            "tampered body" => MetaSignature.Compute(AppSecret, Encoding.UTF8.GetBytes(body.Replace("hello", "hullo"))),
            "not hex" => "sha256=zz" + good["sha256=zz".Length..],
            "sha1 header" => "sha1=" + good["sha256=".Length..],
            "signed without prefix" => good["sha256=".Length..],
            _ => null,
        };

        var response = await PostAsync(body, signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await factory.Service<IContactStore>().FindAsync("whatsapp", "+16505550310"));
    }

    [Fact]
    public async Task A_signed_body_that_is_not_json_is_checked_for_its_signature_first()
    {
        // Without the secret nothing reaches the parser: garbage is refused as forged, not as bad JSON.
        var response = await PostAsync("{not json", "sha256=" + new string('0', 64));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_error_meta_reports_for_the_number_is_logged_for_the_operator()
    {
        var body = File.ReadLines(HealthBotFactory.RepositoryPath("src/HealthBot/Channels/Meta/testdata/webhooks.tsv"))
            .Single(l => l.StartsWith("docs-account-error\t", StringComparison.Ordinal)).Split('\t')[4];

        await PostAsync(body, MetaSignature.Compute(AppSecret, Encoding.UTF8.GetBytes(body)));

        // Its code only: Meta's words are free text that may name the number.
        Assert.Contains(factory.Logs,
            l => l.Contains("error 130429 for the WhatsApp number", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, l => l.Contains("Rate limit hit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replayed_delivery_is_acknowledged_and_stored_once()
    {
        var body = Text("16505550311", "how do i make ORS at home", "wamid.r3pl4y");
        var signature = MetaSignature.Compute(AppSecret, Encoding.UTF8.GetBytes(body));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body, signature)).StatusCode);

        var again = await PostAsync(body, signature);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"duplicates\":1", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
    }

    [Theory]
    [InlineData("subscribe", VerifyToken, 200)]
    [InlineData("subscribe", "guessed-token", 403)]
    [InlineData("unsubscribe", VerifyToken, 403)]
    [InlineData("", "", 403)]
    public async Task Meta_verification_echoes_the_challenge_only_for_our_token(string mode, string token, int status)
    {
        var url = $"{MetaWebhookEndpoints.Path}?hub.mode={mode}&hub.verify_token={Uri.EscapeDataString(token)}" +
                  "&hub.challenge=1158201444";

        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(status == 200, await response.Content.ReadAsStringAsync() == "1158201444");
    }

    [Fact]
    public async Task Without_an_app_secret_the_webhook_does_not_exist()
    {
        await using var off = new HealthBotFactory();
        var body = Text("16505550312", "hi", "wamid.0ff");
        var request = new HttpRequestMessage(HttpMethod.Post, MetaWebhookEndpoints.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(MetaSignature.Header, MetaSignature.Compute(string.Empty, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.NotFound, (await off.CreateClient().SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await off.CreateClient().GetAsync(MetaWebhookEndpoints.Path + "?hub.mode=subscribe")).StatusCode);
    }

    [Theory]
    [InlineData("Channels:WhatsApp:Provider", "metta")]
    [InlineData("MetaWhatsApp:ApiVersion", "21")]
    [InlineData("MetaWhatsApp:PhoneNumberId", "+15550783881")]
    public async Task A_wrong_setting_stops_the_start_with_its_name(string key, string value)
    {
        var run = await CliRun.ServeAsync(new Dictionary<string, string?> { [key.Replace(":", "__")] = value });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("healthbot: invalid settings: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(key.Split(':')[^1], run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    public static string Text(string from, string text, string id) => System.Text.Json.JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = "102290129340398",
                changes = new[]
                {
                    new
                    {
                        field = "messages",
                        value = new
                        {
                            messaging_product = "whatsapp",
                            contacts = new[] { new { profile = new { name = "Test" }, wa_id = from } },
                            messages = new[]
                            {
                                new { from, id, timestamp = "1749416383", type = "text", text = new { body = text } },
                            },
                        },
                    },
                },
            },
        },
    });

    private Task<HttpResponseMessage> PostAsync(string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MetaWebhookEndpoints.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add(MetaSignature.Header, signature);
        }

        return factory.CreateClient().SendAsync(request);
    }
}
