using HealthBot.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Two editors on one content item in two browsers: the second save, from a form opened before the first, is refused
/// and shows its own change as a word diff with the whole text kept; nothing of it is written over the first.
/// </summary>
public sealed class ConflictBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    private const string Editor = "/admin/content/safe-water/en";

    [Fact]
    public async Task A_stale_save_shows_the_persons_own_change_and_keeps_the_first_save()
    {
        var anna = await fixture.SignInAsync(StaffRoles.Editor);
        var ben = await fixture.SignInAsync(StaffRoles.Editor);
        await anna.GotoAsync(Editor);
        await ben.GotoAsync(Editor);
        var sms = await ben.GetByLabel("SMS text").InputValueAsync();
        Assert.Contains("rolling boil", sms, StringComparison.Ordinal);

        await anna.GetByLabel("SMS text").FillAsync(sms.Replace("Make drinking water safe.",
            "Make drinking water safe every day.", StringComparison.Ordinal));
        await anna.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(anna.Locator("main")).ToContainTextAsync("draft");

        var bens = sms.Replace("rolling boil", "strong boil", StringComparison.Ordinal);
        await ben.GetByLabel("SMS text").FillAsync(bens);
        var response = await ben.RunAndWaitForResponseAsync(
            () => ben.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(409, response.Status);
        var block = ben.GetByTestId("unsaved");
        await Expect(block.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Your change (not saved)");
        await Expect(block.Locator("ol.changes ins")).ToHaveTextAsync(["strong"]);
        await Expect(block.Locator("ol.changes del")).ToHaveTextAsync(["rolling"]);
        // The whole text they sent, one click away, and the form now holds the newer draft to change again.
        await block.GetByText("Your text (not saved)").ClickAsync();
        await Expect(block.Locator("pre")).ToContainTextAsync(bens);
        await Expect(ben.GetByLabel("SMS text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(
            "Make drinking water safe every day\\. .*rolling boil"));

        Assert.Equal(1, await fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM content_edits WHERE content_id = 'safe-water' AND language = 'en'"));
        Assert.Equal(1, await fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM content_edits WHERE content_id = 'safe-water' AND sms LIKE '%every day.%'" +
            " AND sms LIKE '%rolling boil%' AND sms NOT LIKE '%strong boil%'"));
        await Screenshots.TakeAsync(ben, "content-conflict"); // nothing needs sideways scrolling at 390 px
    }
}
