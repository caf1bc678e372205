using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>Two editors open the same item: the second save from the older form is refused, not a lost update.</summary>
public sealed partial class StaleEditorFormTests : IAsyncLifetime
{
    private const string Page = "/admin/content/handwashing/en";
    private const string TriagePage = "/admin/triage/en";
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_save_from_a_form_opened_before_another_save_is_refused_and_keeps_the_first()
    {
        var first = await factory.SignedInAsync(StaffRoles.Editor);
        var second = await factory.SignedInAsync(StaffRoles.Editor);
        var firstForm = await FormAsync(first, "firstword");
        var secondForm = await FormAsync(second, "secondword"); // opened before the first editor saves

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"{Page}?handler=Save", firstForm)).StatusCode);
        var stale = await second.PostAsync($"{Page}?handler=Save", secondForm);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("changed since you opened it: nothing was saved", html, StringComparison.Ordinal);
        Assert.Contains("secondword", html, StringComparison.Ordinal); // the refused text is shown, not lost
        var saved = await first.GetStringAsync(Page);
        Assert.Contains("firstword", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("secondword", saved, StringComparison.Ordinal);

        // Saving again from the fresh form works.
        Assert.Equal(HttpStatusCode.Redirect,
            (await second.PostAsync($"{Page}?handler=Save", await FormAsync(second, "secondword"))).StatusCode);
        Assert.Contains("secondword", await first.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_triage_save_from_a_form_opened_before_another_admins_save_is_refused_and_keeps_the_first()
    {
        var first = await factory.SignedInAsync(StaffRoles.Admin);
        var second = await factory.SignedInAsync(StaffRoles.Admin);
        var firstForm = await TriageFormAsync(first, "firstrule");
        var secondForm = await TriageFormAsync(second, "secondrule"); // opened before the first admin saves

        Assert.Equal(HttpStatusCode.Redirect,
            (await first.PostAsync($"{TriagePage}?handler=Save", firstForm)).StatusCode);
        var stale = await second.PostAsync($"{TriagePage}?handler=Save", secondForm);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("changed since you opened it: nothing was saved", html, StringComparison.Ordinal);
        Assert.Contains("emergency: secondrule", html, StringComparison.Ordinal); // the refused rules are shown
        var saved = await first.GetStringAsync(TriagePage);
        Assert.Contains("emergency: firstrule", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("secondrule", saved, StringComparison.Ordinal);

        // Saving again from the fresh form (which holds the first admin's draft) works.
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync($"{TriagePage}?handler=Save",
            await TriageFormAsync(second, "secondrule"))).StatusCode);
        Assert.Contains("emergency: secondrule", await first.GetStringAsync(TriagePage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_triage_save_shows_the_persons_own_change_and_folds_their_whole_text_away()
    {
        var first = await factory.SignedInAsync(StaffRoles.Admin);
        var second = await factory.SignedInAsync(StaffRoles.Admin);
        var firstForm = await TriageFormAsync(first, "firstrule");
        var secondForm = await TriageFormAsync(second, "secondrule");
        Assert.Equal(HttpStatusCode.Redirect,
            (await first.PostAsync($"{TriagePage}?handler=Save", firstForm)).StatusCode);

        var html = await (await second.PostAsync($"{TriagePage}?handler=Save", secondForm)).Content
            .ReadAsStringAsync();

        var start = html.IndexOf("data-testid=\"unsaved\"", StringComparison.Ordinal);
        var folded = html.IndexOf("<details", start, StringComparison.Ordinal);
        var change = html[start..folded];
        // Their change, word by word, against the rules their form was opened on: one rule, not the 30 KB file.
        Assert.Contains("<ins>## emergency: secondrule signs: purple spots spreading</ins>", change,
            StringComparison.Ordinal);
        Assert.DoesNotContain("firstrule", change, StringComparison.Ordinal);
        Assert.True(change.Length < 1_000, $"the change block is {change.Length} characters");
        // Their whole text is kept, folded away.
        Assert.Matches("^<details\\s*><summary>", html[folded..]); // closed: no "open"
        var whole = html[folded..html.IndexOf("</details>", folded, StringComparison.Ordinal)];
        Assert.Contains("emergency: secondrule", whole, StringComparison.Ordinal);
        Assert.Contains("## emergency:", whole[..whole.IndexOf("secondrule", StringComparison.Ordinal)],
            StringComparison.Ordinal); // the rules before theirs too
    }

    [Theory]
    [InlineData(Page, null)]
    [InlineData(Page, "")]
    [InlineData(TriagePage, null)]
    [InlineData(TriagePage, "")]
    public async Task A_save_without_what_the_form_was_opened_on_is_refused_and_keeps_the_newer_draft(
        string page, string? opened)
    {
        var first = await factory.SignedInAsync(StaffRoles.Admin);
        var second = await factory.SignedInAsync(StaffRoles.Admin);
        var triage = page == TriagePage;
        var firstForm = triage ? await TriageFormAsync(first, "firstrule") : await FormAsync(first, "firstword");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"{page}?handler=Save", firstForm)).StatusCode);

        var fields = triage
            ? new Dictionary<string, string> { ["Rules"] = "---\nlanguage: en\n---\n\n## emergency: secondrule\nsigns: x y\n" }
            : new Dictionary<string, string>
            {
                ["Title"] = "Handwashing", ["Sms"] = "Soap.", ["Web"] = "Soap.", ["Keywords"] = "secondword",
            };
        fields["Opened"] = opened ?? "";
        var form = await (await AdminHttp.FormAsync(second, page, fields)).ReadAsStringAsync();
        form = opened is null ? OpenedField().Replace(form, "") : form; // a form with no Opened field at all

        var stale = await second.PostAsync($"{page}?handler=Save",
            new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("nothing was saved", html, StringComparison.Ordinal);
        Assert.Contains("your text is above it", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("data-testid=\"unsaved\"", StringComparison.Ordinal)
            < html.IndexOf("<form method=\"post\">", StringComparison.Ordinal)); // the words match the layout
        Assert.Contains(triage ? "secondrule" : "secondword", html, StringComparison.Ordinal); // text kept
        var saved = await first.GetStringAsync(page);
        Assert.Contains(triage ? "firstrule" : "firstword", saved, StringComparison.Ordinal);
        Assert.DoesNotContain(triage ? "secondrule" : "secondword", saved, StringComparison.Ordinal);
    }

    /// <summary>The triage editor's form with one rule added to the text it shows.</summary>
    private static async Task<FormUrlEncodedContent> TriageFormAsync(HttpClient client, string rule)
    {
        var html = await client.GetStringAsync(TriagePage);
        var rules = WebUtility.HtmlDecode(Rules().Match(html).Groups[1].Value).Replace("\r\n", "\n");
        return await AdminHttp.FormAsync(client, TriagePage, new()
        {
            ["Opened"] = WebUtility.HtmlDecode(Opened().Match(html).Groups[1].Value),
            ["Rules"] = rules.TrimEnd() + $"\n\n## emergency: {rule}\nsigns: purple spots spreading\n",
        });
    }

    [GeneratedRegex("<textarea id=\"rules\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex Rules();

    /// <summary>The editor's form as a browser posts it, with the hidden field naming what it was opened on.</summary>
    private static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string keyword)
    {
        var html = await client.GetStringAsync(Page);
        return await AdminHttp.FormAsync(client, Page, new()
        {
            ["Opened"] = WebUtility.HtmlDecode(Opened().Match(html).Groups[1].Value),
            ["Title"] = "Handwashing",
            ["Sms"] = "Wash your hands with soap and water.",
            ["Web"] = "Wash your hands with soap and water.",
            ["Keywords"] = $"handwashing\nsoap\n{keyword}",
            ["Examples"] = "how do i wash my hands",
        });
    }

    [GeneratedRegex("&?Opened=[^&]*")]
    private static partial Regex OpenedField();

    [GeneratedRegex("name=\"Opened\" value=\"([^\"]*)\"")]
    private static partial Regex Opened();
}
