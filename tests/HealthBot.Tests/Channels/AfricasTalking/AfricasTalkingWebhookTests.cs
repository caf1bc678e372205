using System.Globalization;
using System.Net;
using System.Text;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// Africa's Talking's callbacks over HTTP: recorded incoming messages, the URL secret forged and replayed, an address
/// list, duplicates, opt-outs and subscription changes. Nothing is answered here (no SMS provider is asked).
/// </summary>
// Left out of the PostgreSQL pass: the provider's protocol; its inbound path and stores run on PostgreSQL in the
// provider's other classes.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class AfricasTalkingWebhookTests : IAsyncLifetime
{
    public const string Secret = "at-callback-secret-for-tests";
    private HealthBotFactory factory = null!;

    public static TheoryData<string, int, string, string, string> Inbound()
    {
        var data = new TheoryData<string, int, string, string, string>();
        foreach (var f in Rows("inbound.tsv"))
        {
            data.Add(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], f[4]);
        }

        return data;
    }

    public static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(HealthBotFactory.RepositoryPath("src/HealthBot/Channels/AfricasTalking/testdata/" + file))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'));

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["AfricasTalking:CallbackSecret"] = Secret,
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [MemberData(nameof(Inbound))]
    public async Task Recorded_messages_are_stored_or_refused_with_a_reason(
        string name, int status, string address, string text, string form)
    {
        var response = await PostAsync("/sms?secret=" + Secret, form);

        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{name}: {answer}");
        if (status == 400)
        {
            Assert.Contains("detail", answer);
        }
        else
        {
            var contact = await factory.Service<IContactStore>().FindAsync("sms", address);
            var stored = await factory.Service<IMessageStore>().ConversationAsync(contact!.Id, 0, 10);
            Assert.Equal(text, stored.First(m => m.Direction == "in").Body);
        }

        Assert.Equal(address == "-" ? 0 : 1,
            await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
        InboundLogs.AssertOneLinePerMessageAndNoPersonalData(
            name, factory.Logs.ToList(), address == "-" ? 0 : 1, address, text);
    }

    [Theory]
    [InlineData("", 401)]
    [InlineData("?secret=", 401)]
    [InlineData("?secret=at-callback-secret-for-test", 403)]
    [InlineData("?secret=at-callback-secret-for-tests-and-more", 403)]
    [InlineData("?secret=AT-CALLBACK-SECRET-FOR-TESTS", 403)]
    [InlineData("?secret=guess&secret=at-callback-secret-for-tests", 403)]
    [InlineData("?key=at-callback-secret-for-tests", 401)]
    public async Task A_missing_or_forged_secret_is_refused_before_anything_is_read(string query, int status)
    {
        foreach (var path in new[] { "/sms", "/dlr", "/optout", "/subscription", "/ussd" })
        {
            // A body that would be refused as bad if it were parsed: the secret is checked first.
            var response = await PostAsync(path + query, "from=%2B254711000201&text=hi&id=forged-1");

            Assert.True(status == (int)response.StatusCode, path + query);
        }

        Assert.Null(await factory.Service<IContactStore>().FindAsync("sms", "+254711000201"));
    }

    [Fact]
    public async Task A_secret_sent_in_a_header_instead_of_the_url_is_not_accepted()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, AfricasTalkingWebhookEndpoints.Base + "/sms")
        {
            Content = new StringContent("from=%2B254711000202&text=hi&id=hdr-1", Encoding.UTF8,
                "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("secret", Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_stored_once()
    {
        const string form = "from=%2B254711000203&to=21525&text=malaria+signs&id=2f0e5b1a-dup";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/sms?secret=" + Secret, form)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/sms?secret=" + Secret, form)).StatusCode);

        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
        Assert.Contains(factory.Logs, l => l.Contains("(duplicate, ignored)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/optout", "senderId=HEALTHBOT&phoneNumber=%2B254711000204", "opted_out")]
    [InlineData("/subscription", "phoneNumber=%2B254711000204&shortCode=21525&keyword=HEALTH&updateType=Deletion",
        "opted_out")]
    [InlineData("/subscription", "phoneNumber=%2B254711000204&shortCode=21525&keyword=HEALTH&updateType=Addition",
        "opted_in")]
    public async Task Opt_out_and_subscription_callbacks_set_the_persons_consent(
        string path, string form, string consent)
    {
        var response = await PostAsync(path + "?secret=" + Secret, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contact = await factory.Service<IContactStore>().FindAsync("sms", "+254711000204");
        Assert.Equal(consent, contact!.Consent);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM outbox"));
    }

    [Theory]
    [InlineData("/optout", "senderId=HEALTHBOT&phoneNumber=0711000205", "phoneNumber")]
    [InlineData("/subscription", "phoneNumber=%2B254711000205&updateType=Renewal", "updateType")]
    [InlineData("/dlr", "id=ATXid_1&status=Delivered", "status must be one of")]
    [InlineData("/dlr", "status=Success", "id is required")]
    [InlineData("/ussd", "sessionId=ATUid_1&serviceCode=*384%2321525%23&text=", "phoneNumber")]
    public async Task Bad_callbacks_get_400_with_the_reason(string path, string form, string reason)
    {
        var response = await PostAsync(path + "?secret=" + Secret, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_outside_the_allowed_addresses_is_forbidden_even_with_the_secret()
    {
        await using var listed = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["AfricasTalking:CallbackSecret"] = Secret,
            ["AfricasTalking:AllowedAddresses:0"] = "196.201.214.200",
        });
        var url = AfricasTalkingWebhookEndpoints.Base + "/sms?secret=" + Secret;
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = Form("from=%2B254711000206&text=hi&id=addr-1"),
        };

        Assert.Equal(HttpStatusCode.Forbidden, (await listed.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Without_a_callback_secret_the_callbacks_do_not_exist_and_start_says_why()
    {
        await using var off = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["AfricasTalking:Username"] = "sandbox",
        });
        var request = new HttpRequestMessage(HttpMethod.Post, AfricasTalkingWebhookEndpoints.Base + "/sms?secret=x")
        {
            Content = Form("from=%2B254711000207&text=hi&id=off-1"),
        };

        Assert.Equal(HttpStatusCode.NotFound, (await off.CreateClient().SendAsync(request)).StatusCode);
        Assert.Contains(off.Logs, l => l.Contains("Africa's Talking stays off: off: AfricasTalking__CallbackSecret",
            StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Channels:Sms:Provider", "africas-talking", "Provider")]
    [InlineData("AfricasTalking:CallbackSecret", "short", "CallbackSecret")]
    [InlineData("AfricasTalking:ApiBaseUrl", "api.africastalking.com", "ApiBaseUrl")]
    [InlineData("AfricasTalking:Ussd:ScreenOctets", "200", "ScreenOctets")]
    public async Task A_wrong_setting_stops_the_start_with_its_name(string key, string value, string named)
    {
        var run = await CliRun.ServeAsync(new Dictionary<string, string?> { [key.Replace(":", "__")] = value });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("healthbot: invalid settings: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_africastalking_for_sms_without_its_key_stops_the_start_with_what_is_missing()
    {
        var run = await CliRun.ServeAsync(new Dictionary<string, string?>
        {
            ["Channels__Sms__Provider"] = "africastalking",
            ["AfricasTalking__CallbackSecret"] = Secret,
            ["AfricasTalking__Username"] = "sandbox",
        });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("AfricasTalking__ApiKey", run.Stderr, StringComparison.Ordinal);
    }

    private static StringContent Form(string body) =>
        new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private Task<HttpResponseMessage> PostAsync(string pathAndQuery, string form) =>
        factory.CreateClient().PostAsync(AfricasTalkingWebhookEndpoints.Base + pathAndQuery, Form(form));
}
