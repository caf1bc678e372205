using HealthBot.Channels.AfricasTalking;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// Delivery reports and send answers that are not as documented, over HTTP against the local Africa's Talking peer:
/// a blacklist report naming another number, provider text that would forge a log line, a 2xx that is not JSON.
/// </summary>
public sealed class AfricasTalkingReportsAndAnswersTests : IAsyncLifetime
{
    private LocalAfricasTalkingPeer peer = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        peer = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        factory = new HealthBotFactory(settings: AfricasTalkingEndToEndTests.Settings(peer));
        var healthBot = factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort());
        peer.CallbackBaseUrl = new Uri(healthBot, AfricasTalkingWebhookEndpoints.Base).ToString();
        peer.CallbackSecret = AfricasTalkingWebhookTests.Secret;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await peer.DisposeAsync();
    }

    [Theory]
    [InlineData("+254711000611")]
    [InlineData("0711000610")]
    [InlineData("254711000610")]
    [InlineData("")]
    public async Task A_blacklist_report_opts_out_the_recipient_of_its_message_whatever_number_it_names(
        string phoneNumber)
    {
        const string recipient = "+254711000610";
        const string other = "+254711000611";
        await peer.PersonSendsAsync(other, "hello");
        await peer.PersonSendsAsync(recipient, "what are the signs of malaria");
        var sent = await Eventually.WaitForAsync(() => peer.Sent.FirstOrDefault(s => s.To == recipient),
            s => s is not null, "the answer at Africa's Talking", 30000);
        await Eventually.WaitAsync(() => OutboundAsync(recipient), m => m?.ProviderId is not null, "the send recorded");

        var (status, _) = await peer.PostAsync("/dlr", new()
        {
            ["id"] = sent!.MessageId, ["status"] = "Rejected", ["phoneNumber"] = phoneNumber,
            ["failureReason"] = "UserInBlackList", ["networkCode"] = "63902",
        });

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(Consent.OptedOut, (await ContactAsync(recipient)).Consent);
        Assert.NotEqual(Consent.OptedOut, (await ContactAsync(other)).Consent);
    }

    [Fact]
    public async Task Provider_text_with_newlines_cannot_forge_a_log_line_or_an_inbox_line()
    {
        const string number = "+254711000620";
        const string forged = "x\ninfo: Forged[0]\r\n  r3-forged\u0007";
        await peer.PersonSendsAsync(number, "what are the signs of malaria");
        var sent = await Eventually.WaitForAsync(() => peer.Sent.FirstOrDefault(s => s.To == number),
            s => s is not null, "the answer at Africa's Talking", 30000);
        await Eventually.WaitAsync(() => OutboundAsync(number), m => m?.ProviderId is not null, "the send recorded");

        var (status, _) = await peer.PostAsync("/dlr", new()
        {
            ["id"] = sent!.MessageId, ["status"] = "Failed", ["phoneNumber"] = number, ["failureReason"] = forged,
        });
        peer.ScriptAnswer(503, "Service Unavailable\ninfo: Forged[0]\n  r3-forged-too", taken: false);
        await peer.PersonSendsAsync(number, "how do I make ORS");
        await Eventually.WaitForAsync(() => peer.Sent.Count(s => s.To == number), n => n >= 2, "the retried answer",
            30000);

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var stored = (await OutboundAsync(number))!;
        Assert.Equal("Failed: x info: Forged[0] r3-forged", stored.ErrorCode);
        // The provider's text is stored for staff (cleaned) but never logged: it may echo the number and the text.
        Assert.DoesNotContain(factory.Logs, l => l.Contains("Forged", StringComparison.Ordinal));
        Assert.Contains(factory.Logs, l => l.Contains("africastalking-http-503", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(200, "<html><body>Welcome to the hotel wifi</body></html>")]
    [InlineData(201, "{\"SMSMessageData\": {\"Message\": \"Sent to 1/1")]
    [InlineData(200, "")]
    public async Task A_2xx_answer_that_is_not_json_leaves_the_reply_in_doubt_and_it_is_sent_again(
        int status, string body)
    {
        const string number = "+254711000630";
        peer.ScriptAnswer(status, body);

        await peer.PersonSendsAsync(number, "what are the signs of malaria");

        // Every part of the reply ends up taken with its own messageId; none is given up as refused.
        var replies = await Eventually.WaitAsync(() => OutboundsAsync(number),
            l => l.Count > 0 && l.All(m => m.ProviderId is not null || m.Status == "failed"), "the reply settled",
            30000);
        Assert.All(replies, m => Assert.Equal(("sent", (string?)null), (m.Status, m.ErrorCode)));
        Assert.All(replies, m => Assert.Contains(peer.Sent, s => s.MessageId == m.ProviderId));
        Assert.True(peer.Calls > replies.Count, $"{peer.Calls} calls for {replies.Count} parts");
    }

    private async Task<Contact> ContactAsync(string address) =>
        (await factory.Service<IContactStore>().FindAsync("sms", address))!;

    private async Task<List<StoredMessage>> OutboundsAsync(string address) =>
        await factory.Service<IContactStore>().FindAsync("sms", address) is { } contact
            ? (await factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 50))
            .Where(m => m.Direction == "out").ToList()
            : [];

    private async Task<StoredMessage?> OutboundAsync(string address) =>
        await factory.Service<IContactStore>().FindAsync("sms", address) is { } contact
            ? (await factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 50))
            .FirstOrDefault(m => m.Direction == "out")
            : null;
}
