using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HealthBot.Channels.Twilio;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HealthBot.Tests.Telemetry;

/// <summary>
/// The scrape of a real <c>healthbot serve</c> process (not the in-memory host): after an SMS and a web chat message
/// it shows the sends by provider and their latency, and counts the inbound web chat message too.
/// </summary>
public sealed class ServeScrapeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string From = "+254700300009";
    private const string Variable = "HEALTHBOT_METRICS_TOKEN";

    private readonly string token = Convert.ToHexString(Guid.NewGuid().ToByteArray());
    private readonly string data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
    private LocalTwilioPeer peer = null!;
    private ServerProcess server = null!;

    public async Task InitializeAsync()
    {
        peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        var environment = ServerProcess.CampaignEnvironment(data, peer.BaseUrl, smsPerSecond: 100);
        environment["Twilio__PublicBaseUrl"] = HealthBotFactory.PublicBaseUrl;
        environment["Twilio__WhatsAppFrom"] = "whatsapp:+15550001111";
        environment[Variable] = token;
        server = await ServerProcess.StartAsync(environment);
    }

    public async Task DisposeAsync()
    {
        server.Dispose();
        await peer.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_real_serve_scrape_shows_the_sends_and_counts_web_chat_inbound()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var path = "/webhooks/twilio/sms";
        var form = HealthBotFactory.InboundForm(From, "what are the signs of malaria");
        using var webhook = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        webhook.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(
            HealthBotFactory.AuthToken, HealthBotFactory.PublicBaseUrl + path, form));
        Assert.True((await http.SendAsync(webhook)).IsSuccessStatusCode, "the webhook was refused");
        var chat = await http.PostAsJsonAsync("/api/webchat/messages", new { text = "how do I prevent malaria" });
        Assert.Equal(HttpStatusCode.Accepted, chat.StatusCode);
        await Eventually.WaitForAsync(() => peer.Received.Count(m => m.To == From), n => n >= 1, "the reply", 30000);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = await Eventually.WaitAsync(
            () => http.GetStringAsync("/metrics"),
            b => Scrape.Series(b, "healthbot_outbox_sends_total").Any(l => Scrape.Has(l, "channel", "sms"))
                 && Scrape.Series(b, "healthbot_outbox_sends_total").Any(l => Scrape.Has(l, "channel", "webchat")),
            "the sends in the scrape", 30000);

        foreach (var line in body.Split('\n').Where(l => l.StartsWith("healthbot_outbox_send", StringComparison.Ordinal)
                     && !l.Contains("_bucket", StringComparison.Ordinal)))
        {
            output.WriteLine(line);
        }

        Assert.Contains(Scrape.Series(body, "healthbot_outbox_sends_total"), l => Scrape.Has(l, "provider", "twilio")
            && Scrape.Has(l, "kind", "reply") && Scrape.Has(l, "outcome", "sent"));
        Assert.Contains(Scrape.Series(body, "healthbot_outbox_send_duration_seconds_count"),
            l => Scrape.Has(l, "provider", "twilio") && Scrape.Has(l, "outcome", "sent"));
        Assert.Contains(Scrape.Series(body, "healthbot_inbound_messages_total"), l => Scrape.Has(l, "channel", "sms"));
        Assert.Contains(
            Scrape.Series(body, "healthbot_inbound_messages_total"), l => Scrape.Has(l, "channel", "webchat"));
        Assert.DoesNotContain(From[1..], body, StringComparison.Ordinal);
    }
}
