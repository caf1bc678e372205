using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Admin;

/// <summary>
/// The cost previews tell the truth (#15): the French anaemia text is UCS-2 as written (7 segments) but leaves folded
/// as GSM-7 (3 segments); the editor and the campaign page show what arrives, and what arrives is what they show.
/// </summary>
public sealed class SmsPreviewBrowserTests(AdminBrowserFixture fixture) : IClassFixture<AdminBrowserFixture>
{
    [Fact]
    public async Task The_editor_shows_the_french_text_folded_as_it_arrives_with_its_gsm7_segments_and_cost()
    {
        var editor = await fixture.SignInAsync(StaffRoles.Editor);
        await editor.GotoAsync("/admin/content/anaemia/fr");

        await Expect(editor.GetByTestId("encoding")).ToHaveTextAsync("GSM-7");
        await Expect(editor.GetByTestId("segments")).ToHaveTextAsync("3");
        await Expect(editor.GetByTestId("cost")).ToHaveTextAsync("0.0237 USD");
        var shown = await editor.GetByTestId("as-sent").InnerTextAsync();
        Assert.DoesNotContain("ê", shown, StringComparison.Ordinal);

        // What the editor showed is what a French speaker's phone receives.
        await fixture.SendSmsAsync("+33612000001", "anémie : fatigue, manque de sang, que manger ?");
        var sent = await Eventually.WaitForAsync(
            () => fixture.Peer.Received.Where(m => m.To == "+33612000001").ToList(),
            r => r.Count >= 1,
            "the SMS answer");
        Assert.Equal(shown.Trim(), sent[0].Body.Trim());

        // While typing: a word that would change when folded keeps its accents, and the preview says why.
        var box = editor.GetByLabel("SMS text");
        await box.FillAsync("C'est sûr : mangez des haricots et des feuilles vertes. Leçon faite.");
        await Expect(editor.GetByTestId("encoding")).ToHaveTextAsync("UCS-2");
        await Expect(editor.GetByTestId("clashes")).ToContainTextAsync("sûr → sur");
        await box.FillAsync("Mangez des haricots et des feuilles vertes. Leçon faite.");
        await Expect(editor.GetByTestId("encoding")).ToHaveTextAsync("GSM-7");
        await Expect(editor.GetByTestId("as-sent"))
            .ToHaveTextAsync("Mangez des haricots et des feuilles vertes. Lecon faite.");
    }

    [Fact]
    public async Task The_campaign_preview_shows_each_language_as_it_arrives_with_encoding_segments_and_cost()
    {
        var admin = await fixture.SignInAsync(StaffRoles.Admin);
        await admin.GotoAsync("/admin/campaigns/new");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("folded-preview");
        await admin.GetByRole(AriaRole.Checkbox, new() { Name = "sms" }).CheckAsync();
        await admin.GetByLabel("Groups (comma-separated; a contact must be in every one)").FillAsync("pregnancy");
        await admin.GetByRole(AriaRole.Radio, new() { Name = "Once, at a date and time" }).CheckAsync();
        await admin.GetByLabel("Once: date and time").FillAsync("2027-01-10T09:00");
        await admin.Locator("#f-text-en").FillAsync("Clinic day is Tuesday.");
        await admin.Locator("#f-text-fr").FillAsync("Leçon du jour : la clinique est ouverte mardi, c’est gratuit.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Check and fill in the definition" }).ClickAsync();

        await Expect(admin.GetByTestId("encoding-fr")).ToHaveTextAsync("GSM-7");
        await Expect(admin.GetByTestId("as-sent-fr"))
            .ToHaveTextAsync("Lecon du jour : la clinique est ouverte mardi, c'est gratuit.");
        await Expect(admin.GetByTestId("segments-fr")).ToHaveTextAsync("1");
        await Expect(admin.GetByTestId("cost-fr")).ToHaveTextAsync("0.0079 USD");
        await Expect(admin.GetByTestId("as-sent-en")).ToHaveTextAsync("as written");
    }
}
