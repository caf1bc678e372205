using HealthBot.Channels.AfricasTalking;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// USSD over HTTP against the local Africa's Talking peer: "Send me this by SMS" never undoes an opt-out nor makes a
/// campaign subscriber, and a session too long to replay ends with a readable screen instead of a network error.
/// </summary>
public sealed class UssdConsentAndLimitsTests : IAsyncLifetime
{
    private LocalAfricasTalkingPeer peer = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        peer = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        var settings = AfricasTalkingEndToEndTests.Settings(peer);
        settings["AfricasTalking:Ussd:ServiceCodes:0"] = peer.ServiceCode;
        factory = new HealthBotFactory(settings: settings);
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
    [InlineData("en", "+254711000901", "START")]
    [InlineData("sw", "+254711000902", "tuma START")]
    [InlineData("hi", "+919800000903", "START भेजें")]
    public async Task Someone_who_opted_out_and_asks_by_ussd_stays_opted_out_and_is_told_how_to_restart(
        string language, string phone, string restart)
    {
        await peer.OptOutAsync(phone);

        var screen = await AskForSmsAsync(phone, "malaria-prevention", language);

        Assert.Equal("END " + UssdLabels.For(language).Stopped, screen);
        Assert.Contains(restart, screen, StringComparison.Ordinal);
        Assert.True(UssdScreen.Fits(screen[4..]), screen);
        var contact = await factory.Service<IContactStore>().FindAsync("sms", phone);
        Assert.Equal(Consent.OptedOut, contact!.Consent);
        Assert.Equal(0, await factory.CountAsync(
            $"SELECT COUNT(*) FROM consent_events WHERE contact_id = {contact.Id} AND consent <> 'opted_out'"));
        await factory.WaitIdleAsync();
        Assert.Equal(0, await factory.CountAsync($"SELECT COUNT(*) FROM messages WHERE contact_id = {contact.Id}"));
        Assert.DoesNotContain(peer.Sent, s => s.To == phone);
    }

    [Fact]
    public async Task A_new_person_who_asks_by_ussd_gets_the_sms_but_is_not_made_a_campaign_subscriber()
    {
        const string phone = "+254711000904";

        Assert.Equal("END " + UssdLabels.For("en").Sent, await AskForSmsAsync(phone, "handwashing", "en"));

        await Eventually.WaitForAsync(() => peer.Sent.Where(s => s.To == phone).ToList(), l => l.Count > 0,
            "the topic by SMS", 30000);
        var contact = await factory.Service<IContactStore>().FindAsync("sms", phone);
        Assert.Equal(Consent.Implicit, contact!.Consent);
        foreach (var table in new[] { "consent_events", "contact_groups" })
        {
            Assert.Equal(0, await factory.CountAsync($"SELECT COUNT(*) FROM {table} WHERE contact_id = {contact.Id}"));
        }
    }

    [Theory]
    [InlineData(61, "1", "en")]
    [InlineData(80, "3", "sw")]
    [InlineData(61, "2", "fr")]
    public async Task A_session_with_too_many_inputs_ends_with_a_short_message_in_the_persons_language(
        int inputs, string languageOption, string language)
    {
        var text = string.Join('*', new[] { languageOption }.Concat(Enumerable.Repeat(UssdMenu.Home, inputs - 1)));

        var (status, body) = await peer.UssdAsync("ATUid_long_" + language, "+254711000905", text);

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("END " + UssdLabels.For(language).TooLong, body);
    }

    [Fact]
    public async Task A_text_longer_than_the_menu_replays_ends_with_a_short_message_not_an_error()
    {
        var (status, body) = await peer.UssdAsync("ATUid_long_text", "+254711000906", "5*" + new string('7', 300));

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("END " + UssdLabels.For("hi").TooLong, body);
        Assert.Equal((System.Net.HttpStatusCode.OK, "END " + UssdLabels.For("en").TooLong),
            await peer.UssdAsync("ATUid_long_text2", "+254711000906", new string('9', 300)));
    }

    private Task<string> AskForSmsAsync(string phone, string topic, string language) =>
        AskForSmsAsync(factory, peer, phone, topic, language);

    /// <summary>Dials, opens the topic, pages to its last screen and chooses "2 Send me this by SMS".</summary>
    internal static async Task<string> AskForSmsAsync(
        HealthBotFactory factory, LocalAfricasTalkingPeer peer, string phone, string topic, string language)
    {
        var library = factory.Service<ContentCatalog>().Current;
        var group = UssdGroup.Standard.Select((g, i) => (g, i)).Single(x => x.g.Topics.Contains(topic));
        var topics = group.g.Topics.Where(t => library.Find(t, language) is { IsPublished: true }).ToList();
        var session = peer.Dial(phone);
        await session.StartAsync();
        await session.PressAsync(Number(UssdLabels.Order.ToList().IndexOf(language) + 1));
        await session.PressAsync(Number(group.i + 1));
        await session.PressAsync(Number(topics.IndexOf(topic) + 1));
        while (!session.Screens[^1].Contains("\n2 " + UssdLabels.For(language).SendSms, StringComparison.Ordinal))
        {
            await session.PressAsync("1");
        }

        return await session.PressAsync("2");
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
