using System.Net;
using System.Text.Json.Nodes;
using HealthBot.Channels.Meta;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Meta;

/// <summary>
/// WhatsApp through Meta with no Twilio settings: the person's signed webhook → the real dialog engine →
/// POST /{phone-number-id}/messages on the local Graph API peer → its status webhooks.
/// </summary>
public sealed class MetaEndToEndTests : IAsyncLifetime
{
    private const string Token = "EAAG-test-access-token";
    private LocalMetaPeer meta = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        meta = await LocalMetaPeer.StartAsync(Token, MetaWebhookTests.AppSecret);
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = string.Empty,
            ["Twilio:AuthToken"] = string.Empty,
            ["Twilio:SmsFrom"] = string.Empty,
            ["Twilio:WhatsAppFrom"] = string.Empty,
            ["Channels:WhatsApp:Provider"] = "meta",
            ["MetaWhatsApp:ApiBaseUrl"] = meta.BaseUrl,
            ["MetaWhatsApp:PhoneNumberId"] = LocalMetaPeer.PhoneNumberId,
            ["MetaWhatsApp:AccessToken"] = Token,
            ["MetaWhatsApp:AppSecret"] = MetaWebhookTests.AppSecret,
            ["MetaWhatsApp:VerifyToken"] = MetaWebhookTests.VerifyToken,
            ["MetaWhatsApp:ReengagementTemplate"] = "healthbot_reply",
            ["Channels:ProbeInterval"] = "00:00:01",
        });
        var healthBot = factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort());
        meta.WebhookUrl = new Uri(healthBot, MetaWebhookEndpoints.Path).ToString();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await meta.DisposeAsync();
    }

    [Fact]
    public async Task A_conversation_is_answered_its_statuses_recorded_and_stop_silences_it()
    {
        Assert.Equal(HttpStatusCode.OK, await meta.PersonSendsAsync("254700000601", "how do i make ORS at home"));
        var answer = (await SentAsync(1)).Single();
        Assert.Equal("text", (string?)answer["type"]);
        Assert.Equal("254700000601", (string?)answer["to"]);
        // The peer holds the message before HealthBot has recorded Meta's answer: wait for the id.
        var stored = await Eventually.WaitAsync(() => OutboundAsync("+254700000601"), m => m.ProviderId is not null,
            "Meta's message id recorded", 30000);
        Assert.Equal(stored.Body, (string?)answer["text"]!["body"]);
        Assert.Contains("ORS", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((string?)answer["id"], stored.ProviderId);

        foreach (var status in new[] { "sent", "delivered", "read", "delivered" })
        {
            Assert.Equal(HttpStatusCode.OK, await meta.ReportAsync(stored.ProviderId!, status));
        }

        Assert.Equal("read", (await OutboundAsync("+254700000601")).Status); // a late "delivered" does not undo "read"

        await meta.PersonSendsAsync("254700000601", "STOP");
        await SentAsync(2);
        var contact = await factory.Service<IContactStore>().FindAsync("whatsapp", "+254700000601");
        Assert.Equal(Consent.OptedOut, contact!.Consent);
        await meta.PersonSendsAsync("254700000601", "what are the signs of malaria");
        await factory.WaitIdleAsync();
        Assert.Equal(2, meta.Received.Count);
        Assert.DoesNotContain(factory.Logs, l => l.Contains("254700000601") || l.Contains("ORS at home"));
    }

    [Fact]
    public async Task A_photo_and_a_reaction_get_please_send_text_in_the_persons_language()
    {
        await meta.PersonSendsAsync("254700000602", "Jinsi ya kuzuia malaria");
        await SentAsync(1);

        await meta.PersonSendsAsync("254700000602", "image", new { mime_type = "image/jpeg", id = "1003383421387256" });
        await meta.PersonSendsAsync("254700000602", "reaction", new { message_id = "wamid.x", emoji = "👍" });

        var sent = await SentAsync(3);
        Assert.All(sent.Skip(1), m => Assert.Contains("ujumbe wa maandishi", (string?)m["text"]!["body"]));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_gets_one_reply()
    {
        await meta.PersonSendsAsync("254700000603", "what are the signs of malaria", id: "wamid.tw1ce");
        Assert.Equal(HttpStatusCode.OK, await meta.PostAsync(meta.LastWebhook));

        await SentAsync(1);
        await factory.WaitIdleAsync();
        Assert.Single(meta.Received);
    }

    [Fact]
    public async Task Help_offers_a_list_of_topics_and_tapping_one_answers_it()
    {
        await meta.PersonSendsAsync("254700000604", "HELP");
        var list = (await SentAsync(1)).Single();
        Assert.Equal("list", (string?)list["interactive"]!["type"]);
        var rows = list["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        var malaria = rows.Single(r => (string?)r!["id"] == "malaria-prevention")!;

        await meta.PersonSendsAsync("254700000604", "interactive", new
        {
            type = "list_reply", list_reply = new { id = "malaria-prevention", title = (string?)malaria["title"] },
        });

        await SentAsync(2);
        var answer = (await ConversationAsync("+254700000604")).Last(m => m.Direction == "out");
        Assert.Equal("malaria-prevention", answer.ContentId);
    }

    [Fact]
    public async Task A_pair_rate_limit_131056_is_retried_and_the_answer_arrives()
    {
        meta.Script(MetaErrors.PairRateLimit);
        await meta.PersonSendsAsync("254700000605", "what are the signs of malaria");

        await SentAsync(1);
        Assert.Equal(2, meta.Attempts);
    }

    [Fact]
    public async Task A_reply_after_the_window_closed_131047_goes_as_the_reengagement_template()
    {
        // Meta's clock says the window closed before the reply went (it was queued long, or the clocks disagree).
        meta.Script(MetaErrors.OutsideWindow);
        await meta.PersonSendsAsync("254700000607", "what are the signs of malaria");

        var sent = (await SentAsync(1)).Single();
        Assert.Equal("healthbot_reply", (string?)sent["template"]!["name"]);
        Assert.Equal("en", (string?)sent["template"]!["language"]!["code"]);
        var text = (string?)sent["template"]!["components"]![0]!["parameters"]![0]!["text"];
        Assert.Contains("malaria", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, meta.Attempts);
    }

    [Fact]
    public async Task A_failed_status_marks_the_answer_failed_with_metas_code()
    {
        await meta.PersonSendsAsync("254700000608", "what are the signs of malaria");
        var sent = (await SentAsync(1)).Single();

        await meta.ReportAsync((string)sent["id"]!, "failed", MetaErrors.Undeliverable);

        // A status may come before HealthBot recorded the send; it is kept and applied then.
        var stored = await Eventually.WaitAsync(() => OutboundAsync("+254700000608"), m => m.Status == "failed",
            "the failed status applied", 30000);
        Assert.Equal("131026 Message undeliverable", stored.ErrorCode);
    }

    [Fact]
    public async Task Readyz_shows_meta_up_with_the_numbers_quality()
    {
        var ready = await Eventually.WaitAsync(() => factory.CreateClient().GetStringAsync("/readyz"),
            r => r.Contains("\"name\":\"meta\"") && r.Contains("\"up\":true"), "meta up in /readyz", 30000);
        Assert.Contains("quality GREEN", ready);
    }

    private Task<IReadOnlyList<JsonObject>> SentAsync(int count) => Eventually.WaitForAsync<IReadOnlyList<JsonObject>>(
        () => meta.Received.ToList(), r => r.Count >= count, $"{count} message(s) at Meta", 30000);

    private async Task<IReadOnlyList<StoredMessage>> ConversationAsync(string address)
    {
        var contact = await factory.Service<IContactStore>().FindAsync("whatsapp", address)
                      ?? throw new InvalidOperationException("no contact");
        return await factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 50);
    }

    private async Task<StoredMessage> OutboundAsync(string address) =>
        (await ConversationAsync(address)).Single(m => m.Direction == "out");
}
