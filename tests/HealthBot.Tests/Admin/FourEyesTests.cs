using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Four-eyes holds for everyone who changed an edit's text: a second person who only presses "Submit for review"
/// does not become its author, and the real author still cannot publish their own text.
/// </summary>
public sealed partial class FourEyesTests : IAsyncLifetime
{
    private const string Item = "/admin/content/tuberculosis/en";
    private const string Triage = "/admin/triage/sw";
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task An_author_cannot_publish_a_content_edit_that_someone_else_only_resubmitted()
    {
        var author = await factory.SignedInAsync(StaffRoles.Reviewer);
        var other = await factory.SignedInAsync(StaffRoles.Reviewer);
        await PostAsShownAsync(author, Item, "Submit", html => Field(html, "Sms") + " Cough for two weeks: get tested.");
        await PostAsShownAsync(other, Item, "Submit", html => Field(html, "Sms")); // nothing changed

        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");
        await AssertAuthorRefusedAsync(author, editId);

        // The one who only resubmitted is no author: they may publish.
        var published = await other.PostAsync(
            $"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(other, editId));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }

    [Fact]
    public async Task Everyone_who_changed_the_draft_is_an_author_and_a_third_person_publishes()
    {
        var first = await factory.SignedInAsync(StaffRoles.Reviewer);
        var second = await factory.SignedInAsync(StaffRoles.Reviewer);
        await PostAsShownAsync(first, Item, "Save", html => Field(html, "Sms") + " Cough for two weeks: get tested.");
        await PostAsShownAsync(second, Item, "Submit", html => Field(html, "Sms") + " Treatment is free.");

        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");
        await AssertAuthorRefusedAsync(first, editId);
        await AssertAuthorRefusedAsync(second, editId, refusals: 2);

        var third = await factory.SignedInAsync(StaffRoles.Reviewer);
        var published = await third.PostAsync(
            $"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(third, editId));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_publish_triage_rules_another_admin_only_resubmitted()
    {
        var author = await factory.SignedInAsync(StaffRoles.Admin);
        var other = await factory.SignedInAsync(StaffRoles.Admin);
        await PostAsShownAsync(author, Triage, "Save",
            html => Field(html, "Rules").TrimEnd() + "\n\n## emergency: madoa\nsigns: madoa ya zambarau yanayoenea\n");
        await PostAsShownAsync(other, Triage, "Submit", html => Field(html, "Rules"));

        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");
        await AssertAuthorRefusedAsync(author, editId);
    }

    private async Task AssertAuthorRefusedAsync(HttpClient author, long editId, int refusals = 1)
    {
        var page = await author.GetStringAsync($"/admin/review/{editId}");
        Assert.DoesNotContain("handler=Publish", page, StringComparison.Ordinal); // no active Publish button
        Assert.Contains("data-testid=\"publish\"", page, StringComparison.Ordinal);

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            ["Revision"] = await RevisionAsync(editId),
        });
        var refused = await author.PostAsync($"/admin/review/{editId}?handler=Publish", form);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("your own edit", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'published'"));
        Assert.Equal(refusals,
            await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'content.publish.refused'"));
    }

    /// <summary>The revision a reviewer's page would carry (read as a third reviewer, who sees the Publish form).
    /// </summary>
    private async Task<string> RevisionAsync(long editId)
    {
        var reader = await factory.SignedInAsync(StaffRoles.Reviewer);
        return Revision().Match(await reader.GetStringAsync($"/admin/review/{editId}")).Groups[1].Value;
    }

    /// <summary>Posts the editor's form as the page shows it (every field, Opened included), one field rewritten.
    /// </summary>
    private static async Task PostAsShownAsync(HttpClient client, string page, string handler, Func<string, string> text)
    {
        var html = await client.GetStringAsync(page);
        var fields = Fields().Matches(html).ToDictionary(
            m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value).Replace("\r\n", "\n"));
        fields[page == Triage ? "Rules" : "Sms"] = text(html);
        var form = await AdminHttp.FormAsync(client, page, fields);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"{page}?handler={handler}", form)).StatusCode);
    }

    private static string Field(string html, string name) => WebUtility.HtmlDecode(Fields().Matches(html)
        .First(m => m.Groups["name"].Value == name).Groups["value"].Value).Replace("\r\n", "\n").Trim();

    [GeneratedRegex("<(?:input[^>]*name=\"(?<name>Opened|Title)\" value=\"(?<value>[^\"]*)\"|textarea[^>]*name=\"(?<name>\\w+)\"[^>]*>(?<value>[^<]*)</textarea)")]
    private static partial Regex Fields();

    [GeneratedRegex("name=\"Revision\" value=\"([^\"]*)\"")]
    private static partial Regex Revision();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
