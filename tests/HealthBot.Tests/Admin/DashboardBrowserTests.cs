using HealthBot.Admin;
using HealthBot.Campaigns;
using HealthBot.Channels;
using HealthBot.Data;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary><c>/admin</c> opens on the day's work, each figure counted from what really happened.</summary>
public sealed class DashboardBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    [Fact]
    public async Task The_dashboard_shows_alerts_flags_reviews_campaign_progress_providers_and_gaps()
    {
        var editor = await fixture.SignInAsync(StaffRoles.Editor);
        var cards = editor.GetByTestId("dashboard");
        await Expect(cards.GetByTestId("open-alerts")).ToContainTextAsync("0 Open urgent alerts");
        await Expect(editor.GetByTestId("running-campaigns")).ToBeEmptyAsync();

        await fixture.SendSmsAsync("+254733000001", "im 8 months pregnant and bleeding a lot");
        await fixture.SendSmsAsync("+254733000002", "who will win the football league");
        await fixture.SendSmsAsync("+254733000003", "Who will win the football league");
        await Eventually.WaitAsync(() => fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received'"), n => n == 0,
            "the answers");
        var workflow = fixture.Factory.Service<ContentWorkflow>();
        var draft = await workflow.SaveDraftAsync("ed@ngo.example", "malaria-prevention", "en", "Malaria",
            "Sleep under a treated net every night.", "Sleep under a treated net every night.");
        await workflow.SubmitAsync("ed@ngo.example", draft);
        var monitor = fixture.Factory.Service<ProviderMonitor>();
        monitor.Record("kannel", new ProviderProbe(false, "no answer from the modem"));
        monitor.Record("twilio", new ProviderProbe(true, "ok"));
        var campaign = await StartCampaignAsync();

        await editor.ReloadAsync();
        await Expect(cards.GetByTestId("open-alerts")).ToContainTextAsync("1 Open urgent alerts");
        await Expect(cards.GetByTestId("flagged")).ToContainTextAsync("2 Flagged conversations");
        await Expect(cards.GetByTestId("waiting-review")).ToContainTextAsync("1 Edits waiting for review");
        await Expect(cards.GetByTestId("gaps")).ToContainTextAsync("2 Questions not answered");
        await Expect(editor.GetByTestId("gap-questions")).ToContainTextAsync("ho will win the football league (2)");
        await Expect(editor.GetByTestId("provider-kannel")).ToContainTextAsync("down");
        await Expect(editor.GetByTestId("provider-kannel")).ToContainTextAsync("no answer from the modem");
        await Expect(editor.GetByTestId("provider-twilio")).ToContainTextAsync("working");
        var row = editor.GetByTestId($"campaign-{campaign}");
        await Expect(row).ToContainTextAsync("3 planned so far");
        await Eventually.WaitAsync(async () =>
        {
            await editor.ReloadAsync();
            return await row.InnerTextAsync();
        }, text => text.Contains("100 %", StringComparison.Ordinal), "the campaign's sends to leave");
        await Expect(row).ToContainTextAsync("3 sent");

        // The links lead where the work is done: an editor has no inbox, a responder does.
        await Expect(cards.GetByRole(AriaRole.Link, new() { Name = "Open the inbox" })).ToHaveCountAsync(0);
        await cards.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Expect(editor.Locator("main")).ToContainTextAsync("malaria-prevention / en");
        Directory.CreateDirectory("/tmp/shots-day");
        await editor.GotoAsync("/admin");
        await editor.ScreenshotAsync(new() { Path = "/tmp/shots-day/dashboard-desktop.png", FullPage = true });
        await Screenshots.TakeAsync(editor, "dashboard");
        await editor.SetViewportSizeAsync(390, 844);
        await editor.ScreenshotAsync(new() { Path = "/tmp/shots-day/dashboard-phone.png", FullPage = true });

        var responder = await fixture.SignInAsync(StaffRoles.Responder);
        await responder.GetByTestId("open-alerts").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(responder.Locator("h1")).ToHaveTextAsync("Inbox");
        await responder.GotoAsync("/admin");
        await Expect(responder.GetByTestId("gap-questions")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("Kiswahili", "sw")]
    [InlineData("Português", "pt")]
    [InlineData("हिन्दी", "hi")]
    public async Task The_workspace_speaks_the_language_chosen_in_its_header(string name, string code)
    {
        var page = await fixture.SignInAsync(StaffRoles.Admin);

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", code);
        await Expect(page.Locator("h1")).ToHaveTextAsync(UiText.Get(code, "Today"));
        var nav = page.Locator("header nav");
        foreach (var item in new[] { "Content", "Review", "Insights", "Campaigns", "Inbox", "Users" })
        {
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = UiText.Get(code, item), Exact = true }))
                .ToHaveCountAsync(1);
        }

        await page.GotoAsync("/admin/no-such-page");
        await Expect(page.GetByTestId("error-heading")).ToHaveTextAsync(UiText.Get(code, "This page does not exist"));
        await page.GotoAsync("/admin/users");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = UiText.Get(code, "Add user") })).ToBeVisibleAsync();
    }

    /// <summary>A one-off campaign due a minute ago to the three pregnant contacts, planned at once.</summary>
    private async Task<long> StartCampaignAsync()
    {
        await CampaignContacts.SeedAsync(fixture.Factory);
        var at = DateTime.UtcNow.AddMinutes(-1);
        var json = CampaignJson.Once(
            "clinic-day", new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0), "UTC");
        var created = await fixture.Factory.Service<CampaignWorkspace>().CreateAsync("admin@ngo.example", json);
        return created.Id ?? throw new InvalidOperationException(string.Join("; ", created.Problems));
    }
}
