using System.Net;
using HealthBot.Admin;
using HealthBot.Campaigns;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthBot.Tests.Admin;

/// <summary>Answer feedback, model-versus-fallback rates and campaign results on the insights page, seeded through the real paths.</summary>
public sealed class InsightsAnswerQualityTests : IAsyncLifetime
{
    private readonly ScriptedPhraser phraser = new();
    private LocalTwilioPeer peer = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        factory = new HealthBotFactory(peer.BaseUrl, settings: new Dictionary<string, string?>
        {
            ["Dialog:Feedback:Mode"] = "On",
            // Campaign messages may go at any hour of the test run.
            ["Campaigns:QuietHoursEnd"] = "00:00:00",
            ["Campaigns:QuietHoursStart"] = "23:59:59",
        }, services: s => s.AddSingleton<IAnswerPhraser>(phraser));
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await peer.DisposeAsync();
    }

    [Fact]
    public async Task Insights_show_feedback_per_topic_model_versus_fallback_and_campaign_results()
    {
        await SendAsync("+254766000001", "how can i prevent malaria"); // the model's answer
        await SendAsync("+254766000001", "1");
        await SendAsync("+254766000002", "how can i prevent malaria"); // the model failed the check
        await SendAsync("+254766000002", "2");
        await SendAsync("+254766000003", "how can i prevent malaria"); // no model
        var campaign = await RunCampaignAsync();

        var viewer = await factory.SignedInAsync(StaffRoles.Viewer);
        var html = WebUtility.HtmlDecode(await viewer.GetStringAsync("/admin/insights"));

        Assert.Contains("<th scope=\"row\">Preventing malaria</th><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">50%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Model</th><td class=\"num\">1</td><td class=\"num\">33%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Fallback</th><td class=\"num\">2</td><td class=\"num\">67%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">· check-number</th><td class=\"num\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">· model-off</th><td class=\"num\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains(
            $"<th scope=\"row\">{campaign.Name} (active)</th><td class=\"num\">2</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td>",
            html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("<svg viewBox").Length - 1); // the two daily charts and the two share bars
    }

    [Fact]
    public async Task A_rejected_model_answer_flags_the_conversation()
    {
        await SendAsync("+254766000011", "how can i prevent malaria");
        await SendAsync("+254766000012", "how can i prevent malaria");

        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var inbox = WebUtility.HtmlDecode(await responder.GetStringAsync("/admin/inbox"));

        Assert.Contains("Model answer failed the check: curated text sent", inbox, StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE flag_reason = 'model_rejected'"));
    }

    /// <summary>Two contacts get a one-off campaign message; the provider then reports one delivered and one undelivered.</summary>
    private async Task<CampaignReport> RunCampaignAsync()
    {
        var audience = factory.Service<SqlAudienceStore>();
        await audience.SubscribeAsync("sms", "+254766000101", "alerts", new Dictionary<string, string>(), Consent.OptedIn, "en", "UTC");
        await audience.SubscribeAsync("sms", "+254766000102", "alerts", new Dictionary<string, string>(), Consent.OptedIn, "en", "UTC");
        var service = factory.Service<CampaignService>();
        var at = DateTime.UtcNow.AddMinutes(-1);
        var created = await service.CreateAsync(CampaignJson.Once("clinic-day", new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0), "UTC", group: "alerts"));
        var id = created.Id ?? throw new InvalidOperationException(string.Join("; ", created.Problems));
        await factory.Service<PlanTrigger>().NowAsync();
        await Eventually.WaitAsync(() => Task.FromResult(peer.Received.Count(m => m.To.StartsWith("+2547660001", StringComparison.Ordinal))), n => n == 2, "campaign sends");
        var messages = factory.Service<IMessageStore>();
        var sids = peer.Received.Where(m => m.To.StartsWith("+2547660001", StringComparison.Ordinal)).ToDictionary(m => m.To, m => m.Sid);
        await Eventually.WaitAsync(() => messages.UpdateStatusByProviderIdAsync(sids["+254766000101"], "delivered", null), ok => ok, "the send to be recorded");
        await Eventually.WaitAsync(() => messages.UpdateStatusByProviderIdAsync(sids["+254766000102"], "undelivered", "30003"), ok => ok, "the send to be recorded");
        return service.Report(id)!;
    }

    private async Task SendAsync(string from, string text)
    {
        await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, text));
        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received'"), n => n == 0, "the message to be answered");
    }

    /// <summary>The model's answer first, then an answer the groundedness check rejects, then no model.</summary>
    private sealed class ScriptedPhraser : IAnswerPhraser
    {
        private int calls;

        public Task<PhrasedAnswer> PhraseAsync(AnswerRequest request, CancellationToken ct) => Task.FromResult(Interlocked.Increment(ref calls) switch
        {
            1 => new PhrasedAnswer("Sleep under a treated net every night.", FromModel: true, FallbackReason: null),
            2 => new PhrasedAnswer(request.CuratedText, FromModel: false, FallbackReason: "check-number"),
            _ => new PhrasedAnswer(request.CuratedText, FromModel: false, FallbackReason: "model-off"),
        });
    }
}
