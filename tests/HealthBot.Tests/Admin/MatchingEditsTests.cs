using System.Net;
using System.Net.Http.Json;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>Keywords, examples and triage rules go through draft → review → publish over HTTP, and change answers.</summary>
public sealed class MatchingEditsTests : IAsyncLifetime
{
    private const string Word = "zibbowash";
    private const string Sign = "purple spots spreading";
    private readonly string evalSet = Path.Combine(Path.GetTempPath(), $"healthbot-evalset-{Guid.NewGuid():N}.tsv");
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(evalSet, "lang\ttopic\turgent\ttext\n" +
            $"en\thandwashing\tno\twhat is {Word}\n" +
            $"en\tnone\tyes\tmy son has {Sign} all over his legs\n" +
            "en\tmalaria-symptoms\tno\twhat are the signs of malaria\n");
        factory = new HealthBotFactory(settings: new Dictionary<string, string?> { ["Admin:EvalSet"] = evalSet });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        File.Delete(evalSet);
    }

    [Fact]
    public async Task A_published_keyword_matches_the_next_web_chat_message()
    {
        Assert.NotEqual("handwashing", await AnswerTopicAsync($"what is {Word}"));
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var page = await editor.GetStringAsync("/admin/content/handwashing/en");
        Assert.Contains("soap", page, StringComparison.Ordinal); // the keywords box holds the item's keywords
        var form = await AdminHttp.FormAsync(editor, "/admin/content/handwashing/en", new()
        {
            ["Title"] = "Handwashing",
            ["Sms"] = "Wash your hands with soap and water.",
            ["Web"] = "Wash your hands with soap and water.",
            ["Keywords"] = $"handwashing\nsoap\n{Word}",
            ["Examples"] = "how do i wash my hands",
        });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/admin/content/handwashing/en?handler=Submit", form)).StatusCode);
        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");

        // The reviewer sees the keyword diff and, once the background eval ends, the test question it now answers.
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);
        var review = await Eventually.WaitAsync(() => reviewer.GetStringAsync($"/admin/review/{editId}"),
            html => !html.Contains("impact-running", StringComparison.Ordinal), "the draft's test questions", 60000);
        Assert.Contains($"<ins>{Word}</ins>", review, StringComparison.Ordinal);
        Assert.Contains($"what is {Word}", review, StringComparison.Ordinal);
        Assert.Contains("<ins>handwashing</ins>", review, StringComparison.Ordinal);
        var publish = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(reviewer, editId));

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal("handwashing", await AnswerTopicAsync($"what is {Word}"));
        Assert.Equal(1, await factory.CountAsync(
            $"SELECT COUNT(*) FROM audit_log WHERE action = 'content.publish' AND detail LIKE '%keywords:%{Word}%'"));
    }

    [Fact]
    public async Task A_triage_draft_that_does_not_parse_is_refused_with_its_line_and_nothing_is_saved()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var current = await File.ReadAllTextAsync(Path.Combine(HealthBotFactory.ContentDirectory, "en", "triage.md"));
        var broken = current.TrimEnd() + "\n\n## emergency: broken-rule\nwhen: pregnant\n";
        var line = broken.Split('\n').ToList().IndexOf("## emergency: broken-rule") + 1;

        var response = await admin.PostAsync("/admin/triage/en?handler=Submit",
            await AdminHttp.FormAsync(admin, "/admin/triage/en", new() { ["Rules"] = broken }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"line {line}: rule 'emergency: broken-rule' has no 'signs:' or 'combine:' line", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits"));
    }

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Reviewer)]
    public async Task Only_admins_edit_triage_rules(string role)
    {
        var client = await factory.SignedInAsync(role);
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var form = await AdminHttp.FormAsync(admin, "/admin/triage/en", new() { ["Rules"] = "---\nid: triage\n---\n" });

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/triage/en")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/admin/triage/en?handler=Save", form)).StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits"));
    }

    [Fact]
    public async Task A_reviewed_triage_rule_shows_its_recall_and_fires_on_the_next_message_once_published()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var current = await File.ReadAllTextAsync(Path.Combine(HealthBotFactory.ContentDirectory, "en", "triage.md"));
        var rules = current.Replace("## topic: pregnancy-danger-signs", $"## emergency: rash-spreading\nsigns: {Sign}\n\n## topic: pregnancy-danger-signs");
        var response = await admin.PostAsync("/admin/triage/en?handler=Submit",
            await AdminHttp.FormAsync(admin, "/admin/triage/en", new() { ["Rules"] = rules }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");

        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);
        var review = await Eventually.WaitAsync(() => reviewer.GetStringAsync($"/admin/review/{editId}"),
            html => !html.Contains("impact-running", StringComparison.Ordinal), "the draft's test questions", 60000);
        Assert.Contains("0% → 100%", review, StringComparison.Ordinal); // urgent recall: the set's one urgent row
        Assert.Matches($"<ins>[^<]*signs: {Sign}[^<]*</ins>", review); // the reviewer sees the added rule
        Assert.Contains($"my son has {Sign}", review, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect,
            (await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(reviewer, editId))).StatusCode);

        await SendAsync($"my son has {Sign} all over his legs");
        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM alerts"), n => n == 1, "an urgent alert");
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'triage.publish'"));
    }

    private async Task SendAsync(string text)
    {
        var chat = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await chat.PostAsJsonAsync("/api/webchat/messages", new { text })).StatusCode);
    }

    /// <summary>The topic of the bot's web chat answer to a new person's message (empty when no topic answered).</summary>
    private async Task<string> AnswerTopicAsync(string text)
    {
        var before = await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'out'");
        await SendAsync(text);
        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'out'"),
            n => n > before, "the web chat answer");
        var id = await factory.CountAsync("SELECT MAX(id) FROM messages WHERE direction = 'out'");
        return await factory.CountAsync($"SELECT COUNT(*) FROM messages WHERE id = {id} AND content_id = 'handwashing'") == 1
            ? "handwashing" : "";
    }
}
