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
}
