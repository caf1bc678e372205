using System.Net;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// A provider's message id only means something to that provider: an Africa's Talking delivery report naming a
/// Twilio SID changes nothing and opts nobody out, and an Africa's Talking SMS whose id equals a Twilio MessageSid is
/// a new message, answered.
/// </summary>
public sealed class TwoSmsProvidersIdsTests : IAsyncLifetime
{
    private const string Question = "how do i make ORS at home";
    private LocalAfricasTalkingPeer at = null!;
    private LocalTwilioPeer twilio = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        at = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        twilio = await LocalTwilioPeer.StartAsync();
        var settings = AfricasTalkingEndToEndTests.Settings(at);
        foreach (var twilioKey in settings.Keys.Where(k => k.StartsWith("Twilio:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(twilioKey);
        }

        settings["Channels:Sms:Provider"] = "twilio";
        factory = new HealthBotFactory(twilio.BaseUrl, settings: settings);
        at.CallbackClient = factory.Client();
        at.CallbackBaseUrl = "https://localhost" + AfricasTalkingWebhookEndpoints.Base;
        at.CallbackSecret = AfricasTalkingWebhookTests.Secret;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await at.DisposeAsync();
        await twilio.DisposeAsync();
    }

    [Fact]
    public async Task An_africas_talking_report_naming_a_twilio_message_changes_nothing()
    {
        const string Number = "+254711000921";
        await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(Number, Question));
        var sid = (await Eventually.WaitForAsync(() => twilio.Received.Where(m => m.To == Number).ToList(),
            l => l.Count > 0, "the answer at Twilio", 30000))[0].Sid;
        await Eventually.WaitAsync(() => factory.CountAsync(
                $"SELECT COUNT(*) FROM messages WHERE provider_id = '{sid}' AND provider = 'twilio'"), n => n == 1,
            "the Twilio send recorded", 30000);

        Assert.Equal(HttpStatusCode.OK, await at.ReportAsync(sid, "Failed", "UserInBlacklist"));

        Assert.Equal(0, await factory.CountAsync(
            $"SELECT COUNT(*) FROM messages WHERE provider_id = '{sid}' AND status IN ('failed', 'undelivered')"));
        var contact = await factory.Service<IContactStore>().FindAsync("sms", Number);
        Assert.NotEqual(Consent.OptedOut, contact!.Consent);
    }

    [Fact]
    public async Task An_africas_talking_sms_with_the_id_of_a_twilio_message_is_answered()
    {
        const string Id = "SM0000000000000000000000000000d4d4";
        await factory.PostSignedAsync(
            "/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254711000922", Question, Id));

        Assert.Equal(HttpStatusCode.OK, await at.PersonSendsAsync("+254711000923", Question, Id));

        await Eventually.WaitForAsync(() => at.Sent.Count(s => s.To == "+254711000923"), n => n > 0,
            "the Africa's Talking person answered", 30000);
        Assert.Equal(2, await factory.CountAsync(
            $"SELECT COUNT(*) FROM messages WHERE direction = 'in' AND provider_id = '{Id}'"));
    }
}
