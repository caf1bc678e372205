using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// One deployment receiving SMS through two providers, Twilio (which sends its SMS) and Africa's Talking: each
/// message keeps the provider that carried it, the inbox, its CSV and insights show it, and each person is answered
/// through the provider their message came in on, observed at that provider's local peer.
/// </summary>
public sealed class TwoSmsProvidersTests : IAsyncLifetime
{
    private const string ViaAt = "+254711000901";
    private const string ViaTwilio = "+254711000902";
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
        // Africa's Talking's callbacks through the host's own client: staff pages need its https cookies.
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
    public async Task Each_person_is_answered_through_the_provider_that_received_them_and_staff_see_it()
    {
        Assert.Equal(HttpStatusCode.OK, await at.PersonSendsAsync(ViaAt, "how do i make ORS at home"));
        var twilioPost = await factory.PostSignedAsync(
            "/webhooks/twilio/sms", HealthBotFactory.InboundForm(ViaTwilio, "how do i make ORS at home"));
        Assert.Equal(HttpStatusCode.OK, twilioPost.StatusCode);

        await Eventually.WaitForAsync(() => at.Sent.Count(s => s.To == ViaAt), n => n > 0, "the answer at AT", 30000);
        await Eventually.WaitForAsync(() => twilio.Received.Count(m => m.To == ViaTwilio), n => n > 0,
            "the answer at Twilio", 30000);
        Assert.DoesNotContain(twilio.Received, m => m.To == ViaAt);
        Assert.DoesNotContain(at.Sent, s => s.To == ViaTwilio);

        var atContact = (await factory.Service<IContactStore>().FindAsync("sms", ViaAt))!.Id;
        var twilioContact = (await factory.Service<IContactStore>().FindAsync("sms", ViaTwilio))!.Id;
        await Eventually.WaitAsync(() => factory.CountAsync(
                "SELECT COUNT(*) FROM messages WHERE direction = 'out' AND provider IS NOT NULL"), n => n >= 2,
            "the sending provider recorded with each answer", 30000);
        var admin = await factory.SignedInAsync(StaffRoles.Admin);

        Assert.Equal("Africa's Talking", await ProviderShownAsync(admin, atContact));
        Assert.Equal("Twilio", await ProviderShownAsync(admin, twilioContact));
        var search = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/inbox?Channel=sms"));
        Assert.Matches(Hit(atContact, "Africa's Talking"), search);
        Assert.Matches(Hit(twilioContact, "Twilio"), search);
        var csv = await ExportAsync(admin, atContact);
        Assert.StartsWith("contact,time", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(",sms,africastalking,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("twilio", csv, StringComparison.Ordinal);
        var insights = await admin.GetStringAsync("/admin/insights");
        Assert.Matches(Row("Africa&#x27;s Talking", 1, 1), insights);
        Assert.Matches(Row("Twilio", 1, 1), insights);
    }

    /// <summary>A message stored before providers were (migration 0021) shows "unknown", not a guess.</summary>
    [Fact]
    public async Task A_message_from_before_providers_were_stored_shows_unknown()
    {
        var record = await factory.Service<IMessageStore>().RecordInboundAsync(
            new HealthBot.Dialog.InboundMessage("sms", "+254711000903", "hello", "SMold903", DateTimeOffset.UtcNow));
        var admin = await factory.SignedInAsync(StaffRoles.Admin);

        Assert.Equal("unknown", await ProviderShownAsync(admin, record.ContactId));
    }

    private static async Task<string> ProviderShownAsync(HttpClient admin, long contactId)
    {
        var page = await admin.GetStringAsync($"/admin/inbox/{contactId}");
        return WebUtility.HtmlDecode(
            Regex.Match(page, "<dd data-testid=\"contact-provider\">([^<]*)</dd>").Groups[1].Value);
    }

    private static async Task<string> ExportAsync(HttpClient admin, long contactId)
    {
        var page = $"/admin/inbox/{contactId}";
        var response = await admin.PostAsync($"{page}?handler=Export", await AdminHttp.FormAsync(admin, page, []));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A search hit: the conversation, its channel and the provider of the person's last message (by name).
    /// </summary>
    private static Regex Hit(long contactId, string provider) =>
        new($@"#{contactId}</a> ·\s*<span data-testid=""hit-channel"">SMS via {Regex.Escape(provider)}</span>");

    /// <summary>The insights row: channel, provider, conversations, messages in, messages out (at least).</summary>
    private static Regex Row(string provider, int conversations, int messagesIn) => new(
        $@"<tr><th scope=""row"">SMS</th><td>{Regex.Escape(provider)}</td><td class=""num"">{conversations}</td>\s*" +
        $@"<td class=""num"">{messagesIn}</td><td class=""num"">[1-9]\d*</td></tr>");
}
