using System.Net;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Channels.Twilio;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// Twilio sends the deployment's SMS, Africa's Talking answers the people it carried. A send left in doubt is
/// looked up only at the provider it went through: an Africa's Talking reply (no lookup there, at least once) is sent
/// again through Africa's Talking whether Twilio is up or down, and Twilio is never asked about its recipient. With
/// Twilio down, the retries of a Twilio reply log no phone number.
/// </summary>
public sealed class TwoSmsProvidersInDoubtTests : IAsyncLifetime
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
    public async Task An_africas_talking_reply_in_doubt_is_resent_through_it_while_twilio_is_down()
    {
        await twilio.DisposeAsync(); // Twilio unreachable: connection refused
        at.ScriptHttp(500); // the first send fails in doubt

        Assert.Equal(HttpStatusCode.OK, await at.PersonSendsAsync("+254711000911", Question));

        await Eventually.WaitForAsync(() => at.Sent.Count(s => s.To == "+254711000911"), n => n > 0,
            "the answer resent through Africa's Talking", 20000);
        Assert.True(at.Calls >= 2);
    }

    [Fact]
    public async Task Twilio_is_never_asked_about_a_reply_africas_talking_carries()
    {
        at.ScriptHttp(500);

        Assert.Equal(HttpStatusCode.OK, await at.PersonSendsAsync("+254711000912", Question));

        await Eventually.WaitForAsync(() => at.Sent.Count(s => s.To == "+254711000912"), n => n > 0,
            "the answer resent through Africa's Talking", 20000);
        Assert.Empty(twilio.LookedUp);
        Assert.Empty(twilio.Received);
    }

    [Fact]
    public async Task Retries_while_twilio_is_unreachable_log_no_phone_number()
    {
        const string Number = "+254711000913";
        twilio.Script(500); // the reply fails in doubt at Twilio …
        var post = await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(Number, Question));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        await Eventually.WaitForAsync(() => twilio.Attempts, n => n >= 1, "the first send", 20000);
        await twilio.DisposeAsync(); // … and Twilio goes away: the lookup before each retry fails

        await Eventually.WaitForAsync(() => factory.Logs.Count(l => l.Contains("will retry", StringComparison.Ordinal)),
            n => n >= 2, "the retries logged", 20000);

        var digits = Number.TrimStart('+');
        Assert.DoesNotContain(factory.Logs, l => l.Contains(digits, StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, l => l.Contains("Messages.json?", StringComparison.Ordinal));
        Assert.Contains(factory.Logs, l => l.Contains("ApiConnectionException", StringComparison.Ordinal));
    }
}
