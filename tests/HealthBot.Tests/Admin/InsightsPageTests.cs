using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

public sealed class InsightsPageTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Insights_draw_svg_charts_top_topics_and_show_unanswered_questions_only_to_content_writers()
    {
        await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254733000001", "how can i prevent malaria"));
        await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254733000002", "who won the football match"));
        await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254733000003", "Who won the football match"));
        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received'"), n => n == 0, "answers");

        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var html = await editor.GetStringAsync("/admin/insights");

        Assert.Contains("<svg viewBox", html, StringComparison.Ordinal);
        Assert.Contains("Preventing malaria <small>(malaria-prevention)</small>: 1", html, StringComparison.Ordinal);
        Assert.Contains("who won the football match (2)", html, StringComparison.OrdinalIgnoreCase);
        var viewer = await factory.SignedInAsync(StaffRoles.Viewer);
        var viewerHtml = await viewer.GetStringAsync("/admin/insights");
        Assert.DoesNotContain("football", viewerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }
}
