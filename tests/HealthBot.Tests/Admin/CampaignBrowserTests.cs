using HealthBot.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>An admin creates a campaign counted from each contact's due date in the browser, then reads its audience and report.</summary>
public sealed class CampaignBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    [Fact]
    public async Task An_admin_creates_a_relative_date_campaign_and_sees_its_audience_and_report()
    {
        await CampaignContacts.SeedAsync(fixture.Factory);
        var admin = await fixture.SignInAsync(StaffRoles.Admin);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Campaigns" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).ClickAsync();
        var definition = admin.GetByLabel("Campaign definition (JSON)");
        await Expect(definition).ToHaveValueAsync("");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Start from the example" }).ClickAsync();
        await Expect(definition).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"kind\": \"relative\""));
        await definition.FillAsync((await definition.InputValueAsync()).Replace("pregnancy-weekly", "browser-weekly", StringComparison.Ordinal));

        await admin.GetByRole(AriaRole.Button, new() { Name = "Preview audience" }).ClickAsync();
        await Expect(admin.GetByTestId("audience")).ToHaveTextAsync("3");
        await Expect(admin.GetByTestId("segments-en")).ToHaveTextAsync("1");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("browser-weekly");
        await Expect(admin.GetByTestId("state")).ToHaveTextAsync("active");
        await Expect(admin.GetByTestId("audience")).ToHaveTextAsync("3");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Report" }).ClickAsync();
        await Expect(admin.Locator("h1")).ToContainTextAsync("browser-weekly");
        await Expect(admin.GetByTestId("targeted")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("opted-out")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task A_campaign_written_in_english_and_swahili_in_the_guided_form_sends_no_other_language()
    {
        await CampaignContacts.SeedAsync(fixture.Factory);
        var admin = await fixture.SignInAsync(StaffRoles.Admin);
        await admin.GotoAsync("/admin/campaigns/new");
        foreach (var language in new[] { "en", "fr", "sw", "pt", "hi" })
        {
            await Expect(admin.Locator($"#f-text-{language}")).ToHaveValueAsync("");
        }

        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("clinic-day-browser");
        await admin.GetByRole(AriaRole.Checkbox, new() { Name = "sms" }).CheckAsync();
        await admin.GetByLabel("Groups (comma-separated; a contact must be in every one)").FillAsync("pregnancy");
        await admin.GetByRole(AriaRole.Radio, new() { Name = "Once, at a date and time" }).CheckAsync();
        await admin.GetByLabel("Once: date and time").FillAsync("2027-01-10T09:00");
        await admin.Locator("#f-text-en").FillAsync("Clinic day is Tuesday.");
        await admin.Locator("#f-text-sw").FillAsync("Siku ya kliniki ni Jumanne.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Check and fill in the definition" }).ClickAsync();

        await Expect(admin.GetByTestId("reach-gets")).ToHaveTextAsync("2");
        await Expect(admin.GetByTestId("reach-not-chosen")).ToHaveTextAsync("1");
        await Expect(admin.GetByTestId("reach-fr")).ToContainTextAsync("Nothing: this language is not chosen");
        await Screenshots.TakeAsync(admin, "campaign-preview");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("clinic-day-browser");

        var stored = HealthBot.Campaigns.CampaignDefinition.Parse(fixture.Factory.Service<HealthBot.Campaigns.CampaignService>().Find("clinic-day-browser")!.Definition);
        Assert.Equal(["en", "sw"], stored.Messages[0].Text.Keys.Order());
        Assert.Equal(["en", "sw"], stored.Who.Languages!);
    }
}
