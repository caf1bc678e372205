using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Kannel;

/// <summary>
/// The whole SMS path with no internet and no Twilio settings: a phone on fakesmsc → bearerbox → smsbox → HealthBot
/// → sendsms → bearerbox → the phone, with delivery reports coming back.
/// </summary>
public sealed class KannelEndToEndTests : IAsyncLifetime
{
    private const string Secret = "kannel-shared-secret";
    private readonly KannelGateway gateway = new();
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        if (!KannelGateway.Installed)
        {
            return;
        }

        // Kannel first: it picks its ports (again, when one was taken meanwhile), and HealthBot is told them.
        var port = HealthBotFactory.FreeLoopbackPort();
        await gateway.StartAsync(new Uri($"http://127.0.0.1:{port}"), Secret);
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = string.Empty,
            ["Twilio:AuthToken"] = string.Empty,
            ["Twilio:SmsFrom"] = string.Empty,
            ["Twilio:WhatsAppFrom"] = string.Empty,
            ["Channels:Sms:Provider"] = "kannel",
            // The campaign test's contacts live in UTC: the default quiet hours would hold its SMS after 20:00 UTC.
            ["Campaigns:QuietHoursEnd"] = "00:00:00",
            ["Campaigns:QuietHoursStart"] = "23:59:59",
            ["Kannel:SendSmsUrl"] = gateway.SendSmsUrl,
            ["Kannel:Username"] = KannelGateway.Username,
            ["Kannel:Password"] = KannelGateway.Password,
            ["Kannel:Secret"] = Secret,
            ["Kannel:From"] = KannelGateway.ShortCode,
            ["Kannel:CallbackBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Kannel:StatusUrl"] = gateway.StatusUrl,
            ["Channels:ProbeInterval"] = "00:00:01",
        });
        factory.StartOnLoopback(port);
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    [KannelFact]
    public async Task An_english_question_is_answered_on_the_phone_concatenated_and_the_delivery_report_is_recorded()
    {
        await using var phone = gateway.Phone("+254700000101", "how do i make ORS at home");
        var reply = await Eventually.WaitForAsync(() => phone.Received, r => r.Count >= 1, "the answer on the phone", 30000);

        var sent = await OutboundAsync("+254700000101");
        Assert.Equal(sent.Body, reply[0].Text);
        Assert.Equal("+254700000101", reply[0].To);
        Assert.True(phone.PartCount > 1, "a long answer travels as a concatenated SMS");
        await Eventually.WaitAsync(async () => (await OutboundAsync("+254700000101")).Status, s => s == "delivered",
            "Kannel's delivery report", 30000);
    }

    [KannelFact]
    public async Task A_hindi_question_is_answered_in_devanagari_over_ucs2()
    {
        await using var phone = gateway.Phone("+919800000102", "मलेरिया से बचाव कैसे करें");
        var reply = await Eventually.WaitForAsync(() => phone.Received, r => r.Count >= 1, "the answer on the phone", 30000);

        var sent = await OutboundAsync("+919800000102");
        Assert.Equal("hi", sent.Language);
        Assert.Equal(sent.Body, reply[0].Text);
        Assert.Contains(reply[0].Text, c => c is >= '\u0900' and <= '\u097F');
    }

    [KannelFact]
    public async Task Stop_from_the_phone_opts_out_and_confirms()
    {
        await using var phone = gateway.Phone("+254700000103", "STOP");
        await Eventually.WaitForAsync(() => phone.Received, r => r.Count >= 1, "the opt-out confirmation", 30000);

        var contact = await factory.Service<IContactStore>().FindAsync("sms", "+254700000103");
        Assert.Equal(Consent.OptedOut, contact!.Consent);
    }

    [KannelFact]
    public async Task Replies_wait_while_kannel_is_down_and_all_arrive_once_it_is_back()
    {
        const int count = 12;
        var senders = Enumerable.Range(0, count).Select(i => $"+2547001100{i:D2}").ToList();
        await gateway.StopBoxesAsync();
        foreach (var sender in senders)
        {
            await factory.Service<HealthBot.Channels.InboundReceiver>().ReceiveAsync("kannel", "sms", sender, "what are the signs of malaria", null, default);
        }

        // The outbox meets a closed port, backs off and keeps every reply.
        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE attempts > 0"),
            n => n >= count, "failed send attempts while Kannel is down", 30000);
        await gateway.StartBoxesAsync();
        await using var phone = gateway.Phone("+254700000199", null);
        var received = await Eventually.WaitForAsync(() => phone.Received, r => r.Count >= count, "every reply", 60000);
        Assert.Equal(senders.Order(), received.Select(r => r.To).Order());
    }

    [KannelFact]
    public async Task A_campaign_message_reaches_the_phones_and_its_delivery_is_counted()
    {
        var audience = factory.Service<SqlAudienceStore>();
        foreach (var number in new[] { "+254766000201", "+254766000202" })
        {
            await audience.SubscribeAsync("sms", number, "alerts", new Dictionary<string, string>(), Consent.OptedIn, "en", "UTC");
        }

        var at = DateTime.UtcNow.AddMinutes(-1);
        var service = factory.Service<CampaignService>();
        var created = await service.CreateAsync(CampaignJson.Once(
            "clinic-day", new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0), "UTC", group: "alerts"));
        await using var phone = gateway.Phone("+254700000105", null);
        await factory.Service<PlanTrigger>().NowAsync();

        var received = await Eventually.WaitForAsync(() => phone.Received, r => r.Count >= 2, "campaign SMS", 30000);
        Assert.Equal(["+254766000201", "+254766000202"], received.Select(r => r.To).Order());
        await Eventually.WaitForAsync(() => service.Report(created.Id!.Value)!.Delivered, n => n == 2,
            "both delivery reports counted", 30000);
    }

    [KannelFact]
    public async Task Readyz_shows_kannel_up_while_a_phone_network_is_connected_and_down_when_kannel_stops()
    {
        var client = factory.CreateClient();
        await using (gateway.Phone("+254700000104", null))
        {
            await Eventually.WaitAsync(() => client.GetStringAsync("/readyz"), r => r.Contains("\"up\":true"),
                "Kannel up in /readyz", 30000);
        }

        await gateway.StopBoxesAsync();
        var ready = await Eventually.WaitAsync(() => client.GetAsync("/readyz"),
            r => r.Content.ReadAsStringAsync().Result.Contains("not answering"), "Kannel down in /readyz", 30000);
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    private async Task<StoredMessage> OutboundAsync(string address)
    {
        var contact = await factory.Service<IContactStore>().FindAsync("sms", address)
                      ?? throw new InvalidOperationException("no contact");
        var messages = await factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 50);
        return messages.Single(m => m.Direction == "out");
    }
}
