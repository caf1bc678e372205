using System.Net;
using System.Net.Http.Headers;
using HealthBot.Admin;
using HealthBot.Channels.Twilio;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> for staff tools: a scraper with the token or a signed-in staff member reads it, nobody else; after
/// one message the scrape shows the webhook, the dialog's stages, the send and the outbox, and names nobody.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private const string From = "+254700300001";
    private const string Text = "what are the signs of malaria";

    /// <summary>A variable of this test's own: the environment is shared by every test in the process.</summary>
    private readonly string variable = $"HEALTHBOT_TEST_METRICS_TOKEN_{Guid.NewGuid():N}";

    private readonly string token = Convert.ToHexString(Guid.NewGuid().ToByteArray());
    private LocalTwilioPeer peer = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(variable, token);
        peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        factory = new HealthBotFactory(peer.BaseUrl, settings: new Dictionary<string, string?>
        {
            ["Telemetry:ScrapeTokenVariable"] = variable,
            ["Telemetry:GaugeCache"] = "00:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await peer.DisposeAsync();
        Environment.SetEnvironmentVariable(variable, null);
    }

    [Fact]
    public async Task Refuses_anonymous_callers_and_a_wrong_token_and_accepts_the_token_and_staff()
    {
        var anonymous = factory.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/admin/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Scraper("wrong-" + token).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Scraper(token[..^1]).GetAsync("/metrics")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Scraper(token).GetAsync("/metrics")).StatusCode);
        await OutboxGaugeAsync(Scraper(token), "/metrics");

        var viewer = await factory.SignedInAsync(StaffRoles.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/admin/metrics")).StatusCode);
        await OutboxGaugeAsync(viewer, "/admin/metrics");
    }

    [Fact]
    public async Task The_scrape_only_reads_other_methods_get_405_even_with_the_token()
    {
        var scraper = Scraper(token);
        var post = await scraper.PostAsync("/metrics", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow.Order());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await scraper.DeleteAsync("/admin/metrics")).StatusCode);
        using var head = new HttpRequestMessage(HttpMethod.Head, "/metrics");
        Assert.Equal(HttpStatusCode.OK, (await scraper.SendAsync(head)).StatusCode);
    }

    [Fact]
    public async Task One_message_shows_its_webhook_stages_and_send_by_provider_and_names_nobody()
    {
        var response = await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(From, Text));
        Assert.True(response.IsSuccessStatusCode, $"webhook answered {response.StatusCode}");
        await Eventually.WaitForAsync(() => peer.Received.Count(m => m.To == From), n => n >= 1, "the reply");

        var scraper = Scraper(token);
        var body = await Eventually.WaitAsync(
            () => scraper.GetStringAsync("/metrics"),
            b => Series(b, "healthbot_outbox_sends_total").Any(l => Has(l, "outcome", "sent")),
            "the send in the scrape");

        Assert.Contains(Series(body, "healthbot_webhook_duration_seconds_count"), l =>
            Has(l, "provider", "twilio") && Has(l, "channel", "sms") && Has(l, "webhook", "sms"));
        foreach (var stage in new[] { "language", "triage", "retrieval", "model", "compose" })
        {
            Assert.Contains(Series(body, "healthbot_dialog_stage_duration_seconds_count"), l => Has(l, "stage", stage));
        }

        Assert.Contains(Series(body, "healthbot_outbox_sends_total"), l =>
            Has(l, "provider", "twilio") && Has(l, "channel", "sms") && Has(l, "kind", "reply"));
        Assert.Contains(
            Series(body, "healthbot_outbox_send_duration_seconds_count"), l => Has(l, "provider", "twilio"));
        Assert.Contains(Series(body, "healthbot_outbox_depth"), l => Has(l, "state", "pending"));
        Assert.NotEmpty(Series(body, "healthbot_outbox_oldest_due_age_seconds"));

        Assert.DoesNotContain(From[1..], body, StringComparison.Ordinal);
        Assert.DoesNotContain("malaria", body, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> Series(string body, string name) => Scrape.Series(body, name);

    private static bool Has(string line, string label, string value) => Scrape.Has(line, label, value);

    /// <summary>
    /// The outbox gauge in a scrape. A scrape while the database cannot answer leaves the gauge out (the next one has
    /// it), so this reads again for a while and, failing, shows what the host logged about the gauges.
    /// </summary>
    private async Task OutboxGaugeAsync(HttpClient client, string path)
    {
        try
        {
            await Eventually.WaitAsync(
                () => client.GetStringAsync(path), b => Series(b, "healthbot_outbox_depth").Count > 0,
                $"the outbox gauge in {path}");
        }
        catch (Xunit.Sdk.XunitException e)
        {
            var logged = string.Join(" | ", factory.Logs.Where(l => l.Contains("gauge", StringComparison.Ordinal)));
            throw new Xunit.Sdk.XunitException($"{e.Message[..Math.Min(300, e.Message.Length)]}; gauge log: {logged}");
        }
    }

    private HttpClient Scraper(string bearer)
    {
        var client = factory.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }
}
