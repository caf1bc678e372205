using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>A save or "Submit for review" that changes nothing says so and writes nothing: no draft, no author, no
/// audit entry (Admin/README.md).</summary>
public sealed partial class NothingChangedTests : IAsyncLifetime
{
    private const string Page = "/admin/content/handwashing/en";
    private const string TriagePage = "/admin/triage/en";
    private const string Said = "Nothing changed: nothing was saved.";
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("Save")]
    [InlineData("Submit")]
    public async Task An_unchanged_published_item_saved_or_submitted_gets_no_draft_no_author_and_no_audit(
        string handler)
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);

        var response = await editor.PostAsync($"{Page}?handler={handler}", await AsShownAsync(editor));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Said, await TextAsync(response), StringComparison.Ordinal);
        Assert.Null(await factory.Service<SqlContentEditStore>().OpenAsync("handwashing", "en"));
        Assert.Equal(0, await ContentAuditAsync());
    }

    [Fact]
    public async Task An_unchanged_save_of_someone_elses_draft_adds_no_author_and_no_audit_but_submit_still_submits()
    {
        var author = await factory.SignedInAsync(StaffRoles.Editor, "author@ngo.example");
        var form = await AsShownAsync(author, sms: "Wash your hands with soap and clean water.");
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostAsync($"{Page}?handler=Save", form)).StatusCode);
        var audited = await ContentAuditAsync();
        var other = await factory.SignedInAsync(StaffRoles.Editor, "other@ngo.example");

        var save = await other.PostAsync($"{Page}?handler=Save", await AsShownAsync(other));
        Assert.Contains(Said, await TextAsync(save), StringComparison.Ordinal);
        Assert.Equal(audited, await ContentAuditAsync());

        var submit = await other.PostAsync($"{Page}?handler=Submit", await AsShownAsync(other));
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var draft = await factory.Service<SqlContentEditStore>().OpenAsync("handwashing", "en");
        Assert.Equal(("review", "author@ngo.example"), (draft!.State, draft.Author));
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'content.draft' " +
            "AND actor = 'other@ngo.example'"));
    }

    [Fact]
    public async Task Unchanged_triage_rules_saved_get_no_draft_and_no_audit()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var html = await admin.GetStringAsync(TriagePage);
        var rules = WebUtility.HtmlDecode(Rules().Match(html).Groups[1].Value);

        var response = await admin.PostAsync($"{TriagePage}?handler=Save",
            await AdminHttp.FormAsync(admin, TriagePage, new() { ["Rules"] = rules }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Said, await TextAsync(response), StringComparison.Ordinal);
        Assert.Null(await factory.Service<SqlContentEditStore>().OpenAsync(ContentEdit.TriageId, "en"));
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'triage.%'"));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private Task<int> ContentAuditAsync() =>
        factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'content.%'");

    /// <summary>The editor's form posted with the texts it shows (one SMS text changed when given).</summary>
    private static async Task<FormUrlEncodedContent> AsShownAsync(HttpClient client, string? sms = null)
    {
        var html = await client.GetStringAsync(Page);
        string Box(string id) => WebUtility.HtmlDecode(Regex.Match(html,
            $"<textarea id=\"{id}\"[^>]*>([^<]*)</textarea>").Groups[1].Value);
        return await AdminHttp.FormAsync(client, Page, new()
        {
            ["Title"] = WebUtility.HtmlDecode(Title().Match(html).Groups[1].Value),
            ["Sms"] = sms ?? Box("sms"),
            ["Web"] = Box("web"),
            ["Keywords"] = Box("keywords"),
            ["Examples"] = Box("examples"),
        });
    }

    [GeneratedRegex("<input id=\"title\" name=\"Title\" value=\"([^\"]*)\"")]
    private static partial Regex Title();

    [GeneratedRegex("<textarea id=\"rules\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex Rules();
}
