using System.Text.Json.Nodes;
using HealthBot.Campaigns;
using HealthBot.Channels.Meta;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Campaigns;

namespace HealthBot.Tests.Channels.Meta;

/// <summary>
/// Campaigns on WhatsApp through Meta, with fake time: free text inside the 24-hour window, counted from the person's
/// last message whichever provider carried it, and the campaign's approved template in their language outside it.
/// </summary>
public sealed class MetaCampaignTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);
    private LocalMetaPeer meta = null!;
    private CampaignHarness h = null!;

    public async Task InitializeAsync()
    {
        meta = await LocalMetaPeer.StartAsync("EAAG-campaign-token", "unused-secret");
        h = await CampaignHarness.StartAsync(Noon, new Dictionary<string, string?>
        {
            ["Twilio:WhatsAppFrom"] = string.Empty,
            ["Channels:WhatsApp:Provider"] = "meta",
            ["MetaWhatsApp:ApiBaseUrl"] = meta.BaseUrl,
            ["MetaWhatsApp:PhoneNumberId"] = LocalMetaPeer.PhoneNumberId,
            ["MetaWhatsApp:AccessToken"] = "EAAG-campaign-token",
        });
        meta.Clock = h.Time;
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await meta.DisposeAsync();
    }

    [Fact]
    public async Task Outside_the_window_the_person_gets_the_named_template_in_their_language()
    {
        var inside = await h.ContactAsync("+254700000071", "en", "Africa/Nairobi", "alerts", channel: "whatsapp");
        await h.ContactAsync("+254700000072", "sw", "Africa/Nairobi", "alerts", channel: "whatsapp");
        // The first person wrote three hours ago through Twilio (an SM id): the window is the person's.
        await h.Get<IMessageStore>().RecordInboundAsync(new HealthBot.Dialog.InboundMessage(
            "whatsapp", inside.Address, "hi", "SM" + Guid.NewGuid().ToString("N"), Noon.AddHours(-3)));
        meta.PersonWrote("254700000071", Noon.AddHours(-3));
        await h.CreateAsync(Definition("""{ "name": "clinic_day", "variables": { "1": "{message}" } }"""));

        await h.RunUntilAsync(Noon.AddHours(1), TimeSpan.FromMinutes(10));

        var text = Assert.Single(To("254700000071"));
        Assert.Equal("Vaccination day is Tuesday at the clinic.", (string?)text["text"]!["body"]);
        var template = Assert.Single(To("254700000072"))["template"]!;
        Assert.Equal("clinic_day", (string?)template["name"]);
        Assert.Equal("sw", (string?)template["language"]!["code"]);
        Assert.Equal("Vaccination day is Tuesday at the clinic. (sw)",
            (string?)template["components"]![0]!["parameters"]![0]!["text"]);
    }

    [Fact]
    public async Task A_campaign_whose_template_has_only_a_twilio_sid_fails_the_meta_send_with_the_reason()
    {
        await h.ContactAsync("+254700000073", "en", "Africa/Nairobi", group: "alerts", channel: "whatsapp");
        await h.CreateAsync(Definition("""{ "contentSid": "HX0123456789abcdef0123456789abcdef" }"""));

        await h.RunUntilAsync(Noon.AddHours(1), TimeSpan.FromMinutes(10));

        Assert.Empty(meta.Received);
        var contact = await h.Get<IContactStore>().FindAsync("whatsapp", "+254700000073");
        var sent = await h.Get<IMessageStore>().ConversationAsync(contact!.Id, 0, 10);
        Assert.Equal("no-template-name", Assert.Single(sent).ErrorCode);
    }

    [Theory]
    [InlineData("""{ "name": "Clinic Day" }""", "whatsAppTemplate.name")]
    [InlineData("""{ "variables": { "1": "{message}" } }""", "whatsAppTemplate: give a contentSid")]
    public async Task A_template_without_a_usable_name_or_sid_is_refused(string template, string problem)
    {
        var created = await h.Get<CampaignService>().CreateAsync(Definition(template));

        Assert.Null(created.Id);
        Assert.Contains(created.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    private static string Definition(string template) =>
        CampaignJson.Once("wa", new DateTime(2027, 1, 11, 12, 0, 0), "Africa/Nairobi", group: "alerts",
                channels: "[\"whatsapp\"]")
            .Replace("\"schedule\":", $"\"whatsAppTemplate\": {template}, \"schedule\":", StringComparison.Ordinal);

    private List<JsonObject> To(string waId) => meta.Received.Where(m => (string?)m["to"] == waId).ToList();
}
