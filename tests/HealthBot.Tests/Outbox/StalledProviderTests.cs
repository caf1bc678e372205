using System.Net;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Channels.Meta;
using HealthBot.Tests.Channels.AfricasTalking;
using HealthBot.Tests.Channels.Meta;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Outbox;

/// <summary>
/// SMS through Africa's Talking and WhatsApp through Meta, each against its local peer. Africa's Talking stalls: it
/// holds the send request without answering (its time limits set long, so the call hangs for minutes). A WhatsApp reply
/// through Meta still goes out while that request is held: one provider's stall delays only its own messages.
/// </summary>
public sealed class StalledProviderTests : IAsyncLifetime
{
    private const string Token = "EAAG-test-access-token";
    private const string Question = "how do i make ORS at home";
    private LocalAfricasTalkingPeer at = null!;
    private LocalMetaPeer meta = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        at = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        meta = await LocalMetaPeer.StartAsync(Token, MetaWebhookTests.AppSecret);
        var settings = AfricasTalkingEndToEndTests.Settings(at);
        settings["AfricasTalking:TimeoutSeconds"] = "300";
        settings["Outbox:SendTimeout"] = "00:05:00";
        settings["Twilio:WhatsAppFrom"] = string.Empty;
        settings["Channels:WhatsApp:Provider"] = "meta";
        settings["MetaWhatsApp:ApiBaseUrl"] = meta.BaseUrl;
        settings["MetaWhatsApp:PhoneNumberId"] = LocalMetaPeer.PhoneNumberId;
        settings["MetaWhatsApp:AccessToken"] = Token;
        settings["MetaWhatsApp:AppSecret"] = MetaWebhookTests.AppSecret;
        factory = new HealthBotFactory(settings: settings);
        var healthBot = factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort());
        at.CallbackBaseUrl = new Uri(healthBot, AfricasTalkingWebhookEndpoints.Base).ToString();
        at.CallbackSecret = AfricasTalkingWebhookTests.Secret;
        meta.WebhookUrl = new Uri(healthBot, MetaWebhookEndpoints.Path).ToString();
    }

    public async Task DisposeAsync()
    {
        at.Release();
        await factory.DisposeAsync();
        await at.DisposeAsync();
        await meta.DisposeAsync();
    }

    [Fact]
    public async Task A_whatsapp_reply_goes_out_through_meta_while_africas_talking_holds_a_send()
    {
        const string SmsPerson = "+254711000951";
        const string WhatsAppPerson = "254700000951";
        at.Hold();
        Assert.Equal(HttpStatusCode.OK, await at.PersonSendsAsync(SmsPerson, Question));
        await Eventually.WaitForAsync(() => at.Holding, n => n == 1, "the SMS reply held by Africa's Talking", 30000);

        Assert.Equal(HttpStatusCode.OK, await meta.PersonSendsAsync(WhatsAppPerson, Question));

        await Eventually.WaitForAsync(() => meta.Received.Count(m => (string?)m["to"] == WhatsAppPerson), n => n > 0,
            "the WhatsApp reply sent through Meta", 30000);
        Assert.Equal(1, at.Holding); // still held: the reply did not wait for it
        Assert.Empty(at.Sent);

        at.Release();
        await Eventually.WaitForAsync(() => at.Sent.Count(s => s.To == SmsPerson), n => n > 0,
            "the SMS reply taken once Africa's Talking answers", 30000);
    }

    [Fact]
    public async Task One_held_send_does_not_hold_the_other_replies_through_the_same_provider()
    {
        // Only the next call hangs (a provider that drops one request); the others are answered at once.
        at.Hold(afterCalls: at.Calls, count: 1);
        Assert.Equal(HttpStatusCode.OK, await at.PersonSendsAsync("+254711000960", Question));
        await Eventually.WaitForAsync(() => at.Holding, n => n == 1, "the first SMS reply held", 30000);

        var others = Enumerable.Range(1, 5).Select(i => $"+25471100096{i}").ToList();
        foreach (var person in others)
        {
            Assert.Equal(HttpStatusCode.OK, await at.PersonSendsAsync(person, Question));
        }

        await Eventually.WaitForAsync(() => others.Count(p => at.Sent.Any(s => s.To == p)), n => n == others.Count,
            "the other five SMS replies sent while the first call is held", 30000);
        Assert.Equal(1, at.Holding);
    }
}
