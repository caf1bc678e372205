using HealthBot.Channels.AfricasTalking;
using HealthBot.Sms;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// "Send me this by SMS" from the USSD menu answers no message, so the outbox sends it through the provider of the
/// person's last SMS (Africa's Talking here) although Kannel, limited to one SMS part, is the chosen SMS sender: the
/// topic is shaped for Africa's Talking (one whole message), not cut into Kannel's one-part pieces.
/// </summary>
public sealed class UssdSmsShapingTests : IAsyncLifetime
{
    private LocalAfricasTalkingPeer at = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        at = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        var settings = ShapedForTheAnsweringProviderTests.KannelChosen(at);
        settings["AfricasTalking:Ussd:ServiceCodes:0"] = at.ServiceCode;
        factory = new HealthBotFactory(settings: settings);
        var healthBot = factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort());
        at.CallbackBaseUrl = new Uri(healthBot, AfricasTalkingWebhookEndpoints.Base).ToString();
        at.CallbackSecret = AfricasTalkingWebhookTests.Secret;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await at.DisposeAsync();
    }

    [Fact]
    public async Task A_topic_asked_by_ussd_is_shaped_for_the_provider_that_sends_it()
    {
        const string person = "+254711000982";
        await at.PersonSendsAsync(person, "hello");
        await Eventually.WaitForAsync(() => at.Sent.Count(s => s.To == person), n => n > 0, "the first answer", 30000);
        await factory.WaitIdleAsync();
        var before = at.Sent.Count(s => s.To == person);

        var screen = await UssdConsentAndLimitsTests.AskForSmsAsync(factory, at, person, "diarrhoea-ors", "en");

        Assert.Equal("END " + UssdLabels.For("en").Sent, screen);
        await Eventually.WaitForAsync(() => at.Sent.Count(s => s.To == person), n => n > before, "the topic", 30000);
        await factory.WaitIdleAsync();
        var topic = Assert.Single(at.Sent.Where(s => s.To == person).Skip(before));
        Assert.Contains("ORS", topic.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(SmsSegments.Analyze(topic.Message).Segments > 1, $"{topic.Message.Length} characters");
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state <> 'done'"));
    }
}
