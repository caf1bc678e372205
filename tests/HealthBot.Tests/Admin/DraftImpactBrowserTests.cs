using Deque.AxeCore.Playwright;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>An editor saves new keywords and sees, in the page, which test questions the draft answers differently.</summary>
public sealed class DraftImpactBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    [Fact]
    public async Task Saving_a_keyword_shows_the_test_question_it_now_answers_and_the_page_passes_axe()
    {
        var editor = await fixture.SignInAsync(StaffRoles.Editor);
        await editor.GotoAsync("/admin/content/handwashing/en");
        var keywords = editor.GetByLabel("Keywords (one a line)");
        await Expect(keywords).ToContainTextAsync("soap");
        await keywords.FillAsync(await keywords.InputValueAsync() + "\nzibbowash");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        // The run happens in the background; the section refreshes itself until the result is in.
        var section = editor.GetByRole(AriaRole.Region, new() { Name = "Test questions this draft answers differently" });
        await Expect(section).ToBeVisibleAsync();
        var row = section.GetByRole(AriaRole.Row).Filter(new() { HasText = "what is zibbowash" });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(row.Locator("del")).ToHaveTextAsync("declined");
        await Expect(row.Locator("ins")).ToHaveTextAsync("handwashing");
        await Expect(section.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // the heading row and the one question
        await Expect(keywords).ToContainTextAsync("zibbowash"); // the draft is what the editor sees

        var result = await editor.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join('\n', result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        await Screenshots.TakeAsync(editor, "draft-impact");
        Assert.Equal(1, await fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM content_edits WHERE content_id = 'handwashing' AND state = 'draft' AND keywords LIKE '%zibbowash'"));
    }
}
