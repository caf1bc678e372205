using System.Globalization;
using System.Net;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// SMS through Africa's Talking with no Twilio settings: the person's callback → the real dialog engine → POST
/// /version1/messaging on the local peer → its delivery reports, with the send answers Africa's Talking documents.
/// </summary>
public sealed class AfricasTalkingEndToEndTests : IAsyncLifetime
{
    public const string ApiKey = "atsk_test_api_key_0123456789";
    private LocalAfricasTalkingPeer peer = null!;
    private HealthBotFactory factory = null!;

    public static TheoryData<string, string, int, string, string> Reports()
    {
        var data = new TheoryData<string, string, int, string, string>();
        foreach (var f in AfricasTalkingWebhookTests.Rows("dlr.tsv"))
        {
            data.Add(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), f[3], f[4]);
        }

        return data;
    }

    public static TheoryData<int, string, string, string, string> SendStatuses()
    {
        var data = new TheoryData<int, string, string, string, string>();
        foreach (var f in AfricasTalkingWebhookTests.Rows("send-status.tsv"))
        {
            data.Add(int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], f[3], f[4]);
        }

        return data;
    }

    public static Dictionary<string, string?> Settings(LocalAfricasTalkingPeer peer) => new()
    {
        ["Twilio:AccountSid"] = string.Empty,
        ["Twilio:AuthToken"] = string.Empty,
        ["Twilio:SmsFrom"] = string.Empty,
        ["Channels:Sms:Provider"] = AfricasTalkingProvider.Name,
        ["AfricasTalking:ApiBaseUrl"] = peer.BaseUrl,
        ["AfricasTalking:Username"] = LocalAfricasTalkingPeer.Username,
        ["AfricasTalking:ApiKey"] = peer.ApiKey,
        ["AfricasTalking:From"] = "21525",
        ["AfricasTalking:CallbackSecret"] = AfricasTalkingWebhookTests.Secret,
    };

    public async Task InitializeAsync()
    {
        peer = await LocalAfricasTalkingPeer.StartAsync(ApiKey);
        factory = new HealthBotFactory(settings: Settings(peer));
        var healthBot = factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort());
        peer.CallbackBaseUrl = new Uri(healthBot, AfricasTalkingWebhookEndpoints.Base).ToString();
        peer.CallbackSecret = AfricasTalkingWebhookTests.Secret;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await peer.DisposeAsync();
    }

    [Fact]
    public async Task A_question_is_answered_through_the_messaging_api_and_stop_silences_the_person()
    {
        Assert.Equal(HttpStatusCode.OK, await peer.PersonSendsAsync("+254711000301", "how do i make ORS at home"));

        var sent = (await SentAsync(1)).Single();
        Assert.Equal("+254711000301", sent.To);
        Assert.Equal("21525", sent.From);
        Assert.Contains("ORS", sent.Message, StringComparison.OrdinalIgnoreCase);
        var stored = await Eventually.WaitAsync(() => OutboundAsync("+254711000301"), m => m?.ProviderId is not null,
            "the messageId recorded");
        Assert.Equal(sent.MessageId, stored!.ProviderId);
        Assert.Equal("sent", stored.Status);

        await peer.PersonSendsAsync("+254711000301", "STOP");
        await SentAsync(2);
        var contact = await factory.Service<IContactStore>().FindAsync("sms", "+254711000301");
        Assert.Equal(Consent.OptedOut, contact!.Consent);
        await peer.PersonSendsAsync("+254711000301", "what are the signs of malaria");
        await factory.WaitIdleAsync();
        Assert.Equal(2, peer.Sent.Count);
        Assert.DoesNotContain(factory.Logs, l => l.Contains("254711000301") || l.Contains("ORS at home"));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_delivery_report_sets_the_answers_status_and_reason(
        string status, string failureReason, int answer, string expected, string errorCode)
    {
        const string number = "+254711000400";
        await peer.PersonSendsAsync(number, "what are the signs of malaria");
        var sent = (await SentAsync(1)).Single();
        await Eventually.WaitAsync(() => OutboundAsync(number), m => m?.ProviderId is not null, "the send recorded");

        var reason = failureReason == "-" ? null : failureReason;
        Assert.Equal(answer, (int)await peer.ReportAsync(sent.MessageId, status, reason));

        var stored = (await OutboundAsync(number))!;
        Assert.Equal(expected == "-" ? "sent" : expected, stored.Status);
        Assert.Equal(errorCode == "-" ? null : errorCode, stored.ErrorCode);
        var contact = await factory.Service<IContactStore>().FindAsync("sms", number);
        Assert.Equal(failureReason == "UserInBlackList", contact!.Consent == Consent.OptedOut);
    }

    [Theory]
    [MemberData(nameof(SendStatuses))]
    public async Task Each_send_status_code_is_kept_retried_or_failed_as_documented(
        int statusCode, string status, string errorCode, string optedOut, string outcome)
    {
        const string number = "+254711000500";
        peer.Script(number, statusCode);

        await peer.PersonSendsAsync(number, "what are the signs of malaria");

        var stored = await Eventually.WaitAsync(() => OutboundAsync(number),
            m => m is { ProviderId: not null } or { Status: "failed" },
            $"the send of {statusCode} settled", 30000);
        Assert.Equal(outcome == "retry" ? "sent" : status, stored!.Status);
        Assert.Equal(errorCode == "-" ? null : errorCode, stored.ErrorCode);
        Assert.Equal(outcome == "fail" ? 0 : 1, peer.Sent.Count(s => s.To == number));
        var contact = await factory.Service<IContactStore>().FindAsync("sms", number);
        Assert.Equal(optedOut == "yes", contact!.Consent == Consent.OptedOut);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_gets_one_reply()
    {
        await peer.PersonSendsAsync("+254711000306", "what are the signs of malaria", id: "b1f4-dup-message");
        Assert.Equal(HttpStatusCode.OK,
            await peer.PersonSendsAsync("+254711000306", "what are the signs of malaria", id: "b1f4-dup-message"));

        await SentAsync(1);
        await factory.WaitIdleAsync();
        Assert.Single(peer.Sent);
    }

    [Fact]
    public async Task An_outage_at_africas_talking_is_retried_and_the_answer_arrives()
    {
        peer.ScriptHttp(500, 503);

        await peer.PersonSendsAsync("+254711000307", "what are the signs of malaria");

        await SentAsync(1);
        Assert.True(peer.Calls >= 3, $"{peer.Calls} calls");
    }

    [Fact]
    public async Task A_hindi_answer_arrives_whole()
    {
        await peer.PersonSendsAsync("+919800000308", "मलेरिया से बचाव कैसे करें");

        var sent = await SentAsync(1);
        Assert.All(sent, s => Assert.Equal("+919800000308", s.To));
        Assert.Contains("मच्छरदानी", string.Concat(sent.Select(s => s.Message)), StringComparison.Ordinal);
    }

    private Task<IReadOnlyList<AtSentSms>> SentAsync(int count) => Eventually.WaitForAsync<IReadOnlyList<AtSentSms>>(
        () => peer.Sent.ToList(), r => r.Count >= count, $"{count} message(s) at Africa's Talking", 30000);

    /// <summary>The first answer to <paramref name="address"/>, or null while there is none yet.</summary>
    private async Task<StoredMessage?> OutboundAsync(string address) =>
        await factory.Service<IContactStore>().FindAsync("sms", address) is { } contact
            ? (await factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 50))
            .FirstOrDefault(m => m.Direction == "out")
            : null;
}
