using System.Net;
using HealthBot.Channels.Meta;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Meta;

/// <summary>
/// WhatsApp received through both Meta and Twilio: a person is answered through the provider that carried their
/// message when it can send (has its credentials), whichever is Channels:WhatsApp:Provider; a provider that only
/// receives here leaves the answer to the chosen one. Observed at each provider's local peer.
/// </summary>
public sealed class TwoWhatsAppProvidersTests
{
    private const string Token = "EAAG-test-access-token";

    [Theory]
    [InlineData("twilio", true, "meta", "meta")]
    [InlineData("twilio", false, "meta", "twilio")]
    [InlineData("meta", true, "twilio", "twilio")]
    [InlineData("meta", true, "meta", "meta")]
    public async Task The_person_is_answered_through_the_provider_that_carried_their_message_when_it_can_send(
        string chosen, bool metaCredentials, string carriedBy, string answeredBy)
    {
        await using var twilio = await LocalTwilioPeer.StartAsync();
        await using var meta = await LocalMetaPeer.StartAsync(Token, MetaWebhookTests.AppSecret);
        await using var factory = new HealthBotFactory(twilio.BaseUrl, settings: new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Provider"] = chosen,
            ["MetaWhatsApp:ApiBaseUrl"] = meta.BaseUrl,
            ["MetaWhatsApp:PhoneNumberId"] = metaCredentials ? LocalMetaPeer.PhoneNumberId : string.Empty,
            ["MetaWhatsApp:AccessToken"] = metaCredentials ? Token : string.Empty,
            ["MetaWhatsApp:AppSecret"] = MetaWebhookTests.AppSecret,
        });
        meta.WebhookUrl = new Uri(factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort()),
            MetaWebhookEndpoints.Path).ToString();
        const string person = "254700000991";

        var received = carriedBy == "meta"
            ? await meta.PersonSendsAsync(person, "how do i make ORS at home")
            : (await factory.PostSignedAsync("/webhooks/twilio/sms",
                HealthBotFactory.InboundForm("whatsapp:+" + person, "how do i make ORS at home"))).StatusCode;
        Assert.Equal(HttpStatusCode.OK, received);

        var contact = await Eventually.WaitAsync(
            () => factory.Service<IContactStore>().FindAsync("whatsapp", "+" + person), c => c is not null,
            "the contact");
        var answer = await Eventually.WaitAsync(
            async () => (await factory.Service<IMessageStore>().ConversationAsync(contact!.Id, 0, 10))
                .FirstOrDefault(m => m.Direction == "out" && m.Provider is not null),
            m => m is not null, "the answer sent", 30000);
        Assert.Equal(answeredBy, answer!.Provider);
        Assert.Equal(answeredBy == "meta", meta.Received.Any(m => (string?)m["to"] == person));
        Assert.Equal(answeredBy == "twilio", twilio.Received.Any(m => m.To == "whatsapp:+" + person));
    }

    [Fact]
    public async Task Meta_that_only_answers_what_it_carried_is_watched_in_readyz()
    {
        await using var twilio = await LocalTwilioPeer.StartAsync();
        await using var meta = await LocalMetaPeer.StartAsync(Token, MetaWebhookTests.AppSecret);
        await using var factory = new HealthBotFactory(twilio.BaseUrl, settings: new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Provider"] = "twilio",
            ["Channels:ProbeInterval"] = "00:00:01",
            ["MetaWhatsApp:ApiBaseUrl"] = meta.BaseUrl,
            ["MetaWhatsApp:PhoneNumberId"] = LocalMetaPeer.PhoneNumberId,
            ["MetaWhatsApp:AccessToken"] = Token,
            ["MetaWhatsApp:AppSecret"] = MetaWebhookTests.AppSecret,
        });

        await Eventually.WaitAsync(() => factory.CreateClient().GetStringAsync("/readyz"),
            r => r.Contains("\"name\":\"meta\"") && r.Contains("\"up\":true"), "meta up in /readyz", 30000);
    }
}
