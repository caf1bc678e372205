using System.Net;
using System.Net.Http.Json;
using HealthBot.Admin;
using HealthBot.Content;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Two nodes sharing one PostgreSQL database: keywords and triage rules published on one change how the other
/// answers (it looks for newly published edits every 10 seconds), as published answer texts do.
/// </summary>
public sealed class MatchingEditsTwoNodeTests
{
    private const string Word = "zibbowash";
    private const string Sign = "purple spots spreading";

    [Fact]
    public async Task Keywords_and_triage_rules_published_on_one_node_are_used_by_the_other()
    {
        var connection = TestPostgres.CreateDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres", ["Storage:PostgresConnection"] = connection,
            ["Admin:AllowSelfPublish"] = "true",
        };
        await using var nodeA = new HealthBotFactory(settings: settings);
        await using var nodeB = new HealthBotFactory(settings: settings);
        _ = nodeA.Service<ContentCatalog>();
        // One data key for both, as for every node of a deployment: the key check refuses a node with another.
        Directory.CreateDirectory(nodeB.DataDirectory);
        File.Copy(Path.Combine(nodeA.DataDirectory, "dev-data.key"), Path.Combine(nodeB.DataDirectory, "dev-data.key"));
        var chatB = nodeB.CreateClient();
        var reviewer = await nodeA.SignedInAsync(StaffRoles.Reviewer);
        var admin = await nodeA.SignedInAsync(StaffRoles.Admin);

        var keywordEdit = await SubmitAsync(reviewer, "/admin/content/handwashing/en", new()
        {
            ["Title"] = "Handwashing", ["Sms"] = "Wash your hands with soap.", ["Web"] = "Wash your hands with soap.",
            ["Keywords"] = $"soap\n{Word}",
        }, nodeA);
        await PublishAsync(reviewer, keywordEdit);
        var rules = (await File.ReadAllTextAsync(Path.Combine(HealthBotFactory.ContentDirectory, "en", "triage.md")))
            .Replace("## topic: pregnancy-danger-signs", $"## emergency: rash\nsigns: {Sign}\n\n## topic: pregnancy-danger-signs");
        var triageEdit = await SubmitAsync(admin, "/admin/triage/en", new() { ["Rules"] = rules }, nodeA);
        await PublishAsync(reviewer, triageEdit);

        // Node B may pick up the keyword's publish before the rules' (it looks every 10 s): wait until it serves both.
        var published = Served(nodeA.Service<ContentCatalog>().Current);
        await Eventually.WaitForAsync(() => Served(nodeB.Service<ContentCatalog>().Current),
            served => served == published, "node B to serve the new keywords and triage rules", 30000);
        Assert.Equal(HttpStatusCode.Accepted, (await chatB.PostAsJsonAsync("/api/webchat/messages", new { text = $"what is {Word}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await chatB.PostAsJsonAsync("/api/webchat/messages", new { text = $"my son has {Sign}" })).StatusCode);

        await Eventually.WaitAsync(() => nodeB.CountAsync(
            "SELECT COUNT(*) FROM messages WHERE direction = 'out' AND content_id = 'handwashing'"), n => n == 1, "node B's keyword answer");
        await Eventually.WaitAsync(() => nodeB.CountAsync("SELECT COUNT(*) FROM alerts"), n => n == 1, "node B's urgent alert");
    }

    /// <summary>Whether the library has the new keyword, and the version of its English triage rules.</summary>
    private static (bool Keyword, int Rules) Served(ContentLibrary library) =>
        (library.Find("handwashing", "en")!.Keywords.Contains(Word), DraftLibrary.VersionOf(library.Triage["en"]));

    private static async Task<long> SubmitAsync(HttpClient client, string page, Dictionary<string, string> fields, HealthBotFactory node)
    {
        var response = await client.PostAsync(page + "?handler=Submit", await AdminHttp.FormAsync(client, page, fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await node.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");
    }

    private static async Task PublishAsync(HttpClient reviewer, long editId)
    {
        var response = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(reviewer, editId));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
