using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>The content workflow in a real browser, ending with the bot's next SMS answer.</summary>
public sealed class ContentWorkflowBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    private const string NewSms = "Anaemia (low blood): eat beans, eggs and dark green leaves every day, and ask a health worker for a blood test. Reviewed text.";

    [Fact]
    public async Task Editor_edits_reviewer_publishes_and_the_next_sms_answer_uses_the_new_version_with_provenance()
    {
        var editor = await fixture.SignInAsync(StaffRoles.Editor, "edna@ngo.example");
        await editor.GotoAsync("/admin/content");
        await Expect(editor.Locator("td[data-state]").First).ToBeVisibleAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "anaemia en: published" }).ClickAsync();

        // The live preview follows the typing: a UCS-2 character turns the message into 70-unit segments.
        await editor.GetByLabel("SMS text").FillAsync(NewSms + " ✓");
        await Expect(editor.GetByTestId("encoding")).ToHaveTextAsync("UCS-2");
        await editor.GetByLabel("SMS text").FillAsync(NewSms);
        await Expect(editor.GetByTestId("encoding")).ToHaveTextAsync("GSM-7");
        await Expect(editor.GetByTestId("segments")).ToHaveTextAsync("1");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(editor.Locator("main")).ToContainTextAsync("review");
        // The grid names the version under review (v2), not the published one it replaces.
        await editor.GotoAsync("/admin/content");
        var cell = editor.GetByRole(AriaRole.Link, new() { Name = "anaemia en: review" });
        await Expect(cell).ToHaveTextAsync("review v2");

        var reviewer = await fixture.SignInAsync(StaffRoles.Reviewer, "rita@ngo.example");
        await reviewer.GotoAsync("/admin/review");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "anaemia / en v2" }).ClickAsync();
        await Expect(reviewer.Locator("ins").First).ToContainTextAsync("beans");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(reviewer.Locator("main")).ToContainTextAsync("Nothing waiting for review.");

        await fixture.SendSmsAsync("+254711000001", "foods rich in iron");

        var sent = await Eventually.WaitForAsync(() => fixture.Peer.Received.Where(m => m.To == "+254711000001").ToList(), r => r.Count >= 1, "the SMS answer");
        Assert.Contains("Reviewed text.", sent[0].Body, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM messages WHERE direction = 'out' AND content_id = 'anaemia' AND content_version = 2 AND language = 'en'"));
        Assert.Equal(1, await fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM content_versions WHERE id = 'anaemia' AND language = 'en' AND version = 2 AND reviewed_by = 'rita@ngo.example'"));
        Assert.Equal(1, await fixture.Factory.CountAsync(
            "SELECT COUNT(*) FROM audit_log WHERE actor = 'rita@ngo.example' AND action = 'content.publish' AND detail LIKE '%{+%beans%'"));
    }

    [Fact]
    public async Task A_reviewer_who_clicks_publish_on_a_draft_changed_since_they_opened_it_sees_the_new_text_and_nothing_is_published()
    {
        var editor = await fixture.SignInAsync(StaffRoles.Editor);
        await editor.GotoAsync("/admin/content/handwashing/en");
        await editor.GetByLabel("SMS text").FillAsync("Wash your hands with soap and water for 20 seconds. Reviewed text.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(editor.Locator("main")).ToContainTextAsync("review");

        var reviewer = await fixture.SignInAsync(StaffRoles.Reviewer);
        await reviewer.GotoAsync("/admin/review");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "handwashing / en" }).ClickAsync();
        await Expect(reviewer.Locator("ins").First).ToContainTextAsync("Reviewed");

        // While the reviewer reads, the editor changes the text and submits it again.
        await editor.GetByLabel("SMS text").FillAsync("Wash your hands, then drink bleach.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(editor.Locator("main")).ToContainTextAsync("review");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await Expect(reviewer.GetByRole(AriaRole.Alert)).ToContainTextAsync("changed since you opened it");
        await Expect(reviewer.Locator("main")).ToContainTextAsync("bleach");
        Assert.Equal(0, await fixture.Factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE content_id = 'handwashing' AND state = 'published'"));
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(reviewer.Locator("main")).ToContainTextAsync("Nothing waiting for review.");
    }

    [Fact]
    public async Task An_editor_cannot_open_a_review_to_publish_it()
    {
        var editor = await fixture.SignInAsync(StaffRoles.Editor);
        var response = await editor.GotoAsync("/admin/review/1");
        Assert.Equal(403, response!.Status);
    }

    [Fact]
    public async Task A_viewer_sees_the_grid_but_cannot_edit()
    {
        var viewer = await fixture.SignInAsync(StaffRoles.Viewer);
        await viewer.GotoAsync("/admin/content");
        await Expect(viewer.Locator("td[data-state]").First).ToBeVisibleAsync();
        var response = await viewer.GotoAsync("/admin/content/anaemia/en");
        Assert.Equal(403, response!.Status);
    }

    [Fact]
    public async Task Every_form_field_has_a_label_and_sign_in_works_from_the_keyboard()
    {
        const string allLabelled = "[...document.querySelectorAll('input:not([type=hidden]), textarea, select')].every(e => e.labels.length > 0)";
        var editor = await fixture.SignInAsync(StaffRoles.Editor);
        await editor.GotoAsync("/admin/content/malaria-prevention/en");
        Assert.True(await editor.EvaluateAsync<bool>(allLabelled));

        await fixture.Factory.CreateUserAsync("keys@ngo.example", StaffRoles.Viewer);
        var page = await editor.Context.Browser!.NewPageAsync(new() { BaseURL = fixture.BaseAddress.ToString(), Locale = "en-GB" });
        await page.GotoAsync("/admin/login");
        Assert.True(await page.EvaluateAsync<bool>(allLabelled));
        await page.Keyboard.PressAsync("Tab"); // skip link
        await page.Keyboard.PressAsync("Tab"); // HealthBot · Staff workspace
        foreach (var _ in UiText.Languages)
        {
            await page.Keyboard.PressAsync("Tab"); // English, Français, Kiswahili, Português, हिन्दी
        }

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("keys@ngo.example");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(AdminHttp.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("header")).ToContainTextAsync("keys@ngo.example");
    }

    [Fact]
    public async Task The_workspace_speaks_french()
    {
        var page = await fixture.SignInAsync(StaffRoles.Viewer, locale: "fr-FR");
        await page.GotoAsync("/admin/content");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
    }
}
