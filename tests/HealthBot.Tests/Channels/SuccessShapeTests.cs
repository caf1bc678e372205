using HealthBot.Channels;
using HealthBot.Channels.Kannel;
using HealthBot.Channels.Meta;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels;

/// <summary>
/// A 2xx answer without what the provider promises for a taken message (Twilio: JSON with a sid; Meta:
/// <c>messages[0].id</c>; Kannel: "0: Accepted for delivery") says nothing about the message: a captive portal or a
/// proxy on an offline box answers 200 with its page. An outside test saw such replies recorded as sent and lost.
/// They are in doubt: looked up where the provider can be asked (Twilio), otherwise sent again.
/// </summary>
public sealed class SuccessShapeTests
{
    private const string Portal = "<html><body>Welcome to the clinic wifi. Log in to continue.</body></html>";

    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Outbox:InitialBackoff"] = "00:00:01", ["Outbox:MaxBackoff"] = "00:00:02",
    };

    [Theory]
    [InlineData(200, "{}", true)]
    [InlineData(200, Portal, true)]
    [InlineData(200, Portal, false)]
    public async Task Twilio_2xx_without_a_sid_is_looked_up_or_sent_again_and_recorded_with_twilios_sid(
        int status, string body, bool taken)
    {
        await using var twilio = await LocalTwilioPeer.StartAsync();
        await using var factory = new HealthBotFactory(apiBaseUrl: twilio.BaseUrl, settings: Fast);
        twilio.ScriptAnswer(status, body, taken);

        var id = await EnqueueAsync(factory, ChannelNames.Sms, "+254700000311");
        var stored = await DoneAsync(factory, id);

        var sent = Assert.Single(twilio.Received);
        Assert.Equal(sent.Sid, stored);
    }

    [Theory]
    [InlineData(200, "{}")]
    [InlineData(200, Portal)]
    public async Task Meta_2xx_without_a_message_id_is_sent_again_not_recorded_as_accepted(int status, string body)
    {
        const string token = "EAAG-test-access-token";
        await using var meta = await LocalMetaPeer.StartAsync(token, "app-secret");
        var settings = new Dictionary<string, string?>(Fast)
        {
            ["Channels:WhatsApp:Provider"] = "meta", ["MetaWhatsApp:ApiBaseUrl"] = meta.BaseUrl,
            ["MetaWhatsApp:PhoneNumberId"] = LocalMetaPeer.PhoneNumberId, ["MetaWhatsApp:AccessToken"] = token,
            ["MetaWhatsApp:AppSecret"] = "app-secret",
        };
        await using var factory = new HealthBotFactory(settings: settings);
        var healthBot = factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort());
        meta.WebhookUrl = new Uri(healthBot, MetaWebhookEndpoints.Path).ToString();
        // Inside the 24-hour window: the person wrote a moment ago (and got the bot's answer).
        Assert.Equal(System.Net.HttpStatusCode.OK, await meta.PersonSendsAsync("254700000312", "hello"));
        await Eventually.WaitForAsync(() => meta.Received.Count, n => n > 0, "the bot's answer", 30000);
        await factory.WaitIdleAsync();
        var before = meta.Received.Count;
        meta.ScriptAnswer(status, body);

        var id = await EnqueueAsync(factory, ChannelNames.WhatsApp, "+254700000312");
        var stored = await DoneAsync(factory, id);

        var sent = Assert.Single(meta.Received.Skip(before));
        Assert.Equal((string?)sent["id"], stored);
    }

    [Fact]
    public async Task Kannel_2xx_that_is_not_sendsms_answer_is_sent_again()
    {
        await using var kannel = await LocalKannelPeer.StartAsync("hb", "pw");
        var settings = new Dictionary<string, string?>(Fast)
        {
            ["Channels:Sms:Provider"] = "kannel", ["Kannel:SendSmsUrl"] = kannel.SendSmsUrl,
            ["Kannel:Username"] = "hb", ["Kannel:Password"] = "pw", ["Kannel:Secret"] = "s",
        };
        await using var factory = new HealthBotFactory(settings: settings);
        kannel.ScriptAnswer(200, Portal);

        var id = await EnqueueAsync(factory, ChannelNames.Sms, "+254700000313");
        await DoneAsync(factory, id);

        Assert.Single(kannel.Sent);
        Assert.Equal(2, kannel.Calls);
    }

    private static async Task<long> EnqueueAsync(HealthBotFactory factory, string channel, string to)
    {
        var contact = await factory.Service<IContactStore>().GetOrCreateAsync(channel, to);
        var draft = new OutboundDraft("Take the tablets after food.", ReplyKind.Answer, "en", null, null);
        var id = await factory.Service<IMessageStore>().EnqueueAsync(
            contact.Id, channel, draft, $"s-{Guid.NewGuid():N}");
        factory.Service<OutboxSignal>().Set();
        return id!.Value;
    }

    /// <summary>Waits until the row is done; the provider id recorded for the message.</summary>
    private static async Task<string?> DoneAsync(HealthBotFactory factory, long messageId)
    {
        await Eventually.WaitAsync(
            () => factory.CountAsync($"SELECT COUNT(*) FROM outbox WHERE message_id = {messageId} AND state = 'done'"),
            n => n == 1, "the message sent", 30000);
        using var connection = factory.Service<Database>().Open();
        return connection.Command($"SELECT provider_id FROM messages WHERE id = {messageId}").ExecuteScalar() as string;
    }
}
