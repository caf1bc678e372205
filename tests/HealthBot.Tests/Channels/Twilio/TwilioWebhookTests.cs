using System.Net;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Twilio;

/// <summary>The SMS/WhatsApp path end to end: signed webhook → dialog → outbox → Twilio REST peer on 127.0.0.1.</summary>
public sealed class TwilioWebhookTests : TwilioPeerTests
{
    [Fact]
    public async Task Signed_inbound_sms_gets_exactly_one_curated_reply_from_the_rest_api()
    {
        var response = await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000001", "how do i make ORS for my child with diarrhoea"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TwilioWebhookEndpoints.EmptyTwiml, await response.Content.ReadAsStringAsync());
        var sent = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count >= 1, "the reply to reach the peer");
        await Factory.WaitIdleAsync();
        Assert.Single(Peer.Received);
        Assert.Equal("+254700000001", sent[0].To);
        Assert.Equal("+15550001111", sent[0].From);
        Assert.Contains("ORS", sent[0].Body, StringComparison.Ordinal);
        Assert.Equal(HealthBotFactory.PublicBaseUrl + "/webhooks/twilio/status", sent[0].StatusCallback);
        var version = RepositoryContent.Catalog.Current.Find("diarrhoea-ors", "en")!.Version;
        await Eventually.WaitAsync(
            () => Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND content_id = 'diarrhoea-ors' " +
                                     $"AND content_version = {version} AND provider_id IS NOT NULL"),
            c => c == 1, "the reply recorded with its provenance and Twilio's message id");
    }

    [Fact]
    public async Task WhatsApp_sender_is_answered_on_whatsapp()
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("whatsapp:+254700000002", "how can i prevent malaria"));

        var sent = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count >= 1, "the WhatsApp reply");
        Assert.Equal("whatsapp:+254700000002", sent[0].To);
        Assert.Equal("whatsapp:+15550001111", sent[0].From);
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM contacts WHERE channel = 'whatsapp'"));
    }

    [Fact]
    public async Task WhatsApp_reply_uses_whatsapp_formatting_not_markdown()
    {
        // The anaemia web body is written with **bold** labels in Markdown.
        var form = HealthBotFactory.InboundForm("whatsapp:+254700000009", "what foods increase blood");
        await Factory.PostSignedAsync("/webhooks/twilio/sms", form);

        var sent = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count >= 1, "the WhatsApp reply");
        await Factory.WaitIdleAsync();
        var body = string.Join("\n", Peer.Received.Select(r => r.Body));
        Assert.Contains("*Signs:*", body, StringComparison.Ordinal);
        Assert.DoesNotContain("**", body, StringComparison.Ordinal);
        Assert.DoesNotContain(body.Split('\n'), line => line.TrimStart().StartsWith('#'));
        Assert.Equal("whatsapp:+254700000009", sent[0].To);
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData(null)]
    public async Task Forged_or_unsigned_webhook_is_refused_and_nothing_is_stored(string? signingToken)
    {
        var response = await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000003", "hello"), signingToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM messages"));
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM contacts"));
    }

    [Fact]
    public async Task Tampered_body_with_a_valid_looking_signature_is_refused()
    {
        var form = HealthBotFactory.InboundForm("+254700000004", "hello");
        var signature = TwilioSignature.Compute(HealthBotFactory.AuthToken, HealthBotFactory.PublicBaseUrl + "/webhooks/twilio/sms", form);
        form["Body"] = "STOP";
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);

        var response = await Factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM messages"));
    }

    [Fact]
    public async Task Repeated_webhook_with_the_same_MessageSid_is_answered_once()
    {
        var form = HealthBotFactory.InboundForm("+254700000005", "what are the signs of malaria", sid: "SMdup0000000000000000000000000001");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Factory.PostSignedAsync("/webhooks/twilio/sms", form)).StatusCode);
        }

        await Eventually.WaitForAsync(() => Peer.Received.Count, c => c >= 1, "the reply");
        await Factory.WaitIdleAsync();
        Assert.Single(Peer.Received);
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
    }

    [Fact]
    public async Task Server_error_then_success_is_sent_after_a_retry()
    {
        Peer.Script(500);
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000006", "how to wash hands"));

        await Eventually.WaitForAsync(() => Peer.Received.Count, c => c == 1, "the retried reply");
        Assert.Equal(2, Peer.Attempts);
        await Eventually.WaitAsync(() => Factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'done' AND attempts = 2"), c => c == 1, "the row to be done after 2 attempts");
    }

    [Fact]
    public async Task Permanent_client_error_is_not_retried_and_keeps_the_error_code()
    {
        Peer.Script(400);
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000007", "how to wash hands"));

        await Eventually.WaitAsync(() => Factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'failed'"), c => c == 1, "the failed row");
        await Factory.WaitIdleAsync();
        Assert.Equal(1, Peer.Attempts);
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND status = 'failed' AND error_code = '21211'"));
    }

    [Fact]
    public async Task Status_callback_updates_the_message_status_and_history()
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000008", "how to wash hands"));
        var sent = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count == 1, "the reply");
        var sid = sent[0].Sid;

        foreach (var status in new[] { "sent", "delivered" })
        {
            var response = await Factory.PostSignedAsync("/webhooks/twilio/status", new Dictionary<string, string>
            {
                ["MessageSid"] = sid, ["MessageStatus"] = status, ["AccountSid"] = HealthBotFactory.AccountSid,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A late "sent" after "delivered" must not move the status backwards.
        await Factory.PostSignedAsync("/webhooks/twilio/status", new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = "sent" });
        Assert.Equal(1, await Factory.CountAsync($"SELECT COUNT(*) FROM messages WHERE provider_id = '{sid}' AND status = 'delivered'"));
        Assert.Equal(["sent", "delivered", "sent"], await CallbackHistoryAsync(sid));
    }

    [Fact]
    public async Task Failed_status_callback_keeps_the_error_code()
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000009", "how to wash hands"));
        var sid = (await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count == 1, "the reply"))[0].Sid;

        await Factory.PostSignedAsync("/webhooks/twilio/status", new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30003" });

        // The callback may overtake our own record of the send; it is applied as soon as the send is recorded.
        await Eventually.WaitAsync(() => Factory.CountAsync($"SELECT COUNT(*) FROM messages WHERE provider_id = '{sid}' AND status = 'undelivered' AND error_code = '30003'"), c => c == 1, "the undelivered status");
    }

    private async Task<List<string>> CallbackHistoryAsync(string sid)
    {
        var store = Factory.Service<IMessageStore>();
        var id = await Factory.CountAsync($"SELECT id FROM messages WHERE provider_id = '{sid}'");
        return (await store.StatusHistoryAsync(id)).Select(h => h.Status).Where(s => s != "queued").ToList();
    }
}
