using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// A ~70 KB text pasted in an editor: the form says which field is too long, by how much, and keeps every field.
/// On a real socket, because the request body limits are Kestrel's.
/// </summary>
public sealed partial class LongFieldTests : IAsyncLifetime
{
    private const string Page = "/admin/content/handwashing/en";
    private readonly HealthBotFactory factory = new();
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var address = factory.StartOnLoopback();
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        var email = $"editor-{Guid.NewGuid():N}@ngo.example";
        await factory.CreateUserAsync(email, StaffRoles.Editor);
        var login = await client.PostAsync("/admin/login", await AdminHttp.FormAsync(client, "/admin/login",
            new() { ["Email"] = email, ["Password"] = AdminHttp.Password }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_70_kb_web_text_is_refused_on_the_form_with_its_size_and_the_other_fields_kept()
    {
        var web = string.Concat(Enumerable.Repeat("Wash your hands with soap. ", 2655)); // 71,685 characters
        var response = await client.PostAsync($"{Page}?handler=Save", await AdminHttp.FormAsync(client, Page, new()
        {
            ["Title"] = "Handwashing kept-title",
            ["Sms"] = "Wash your hands, kept-sms.",
            ["Web"] = web,
            ["Keywords"] = "handwashing\nkept-keyword",
            ["Examples"] = "how do i wash my hands kept-example",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(
            $"Web text is {web.Length} characters long; the limit is {EditorLimits.TextChars}. Nothing was saved",
            html, StringComparison.Ordinal);
        Assert.Matches(Field("title", "Handwashing kept-title"), html);
        Assert.Contains("Wash your hands, kept-sms.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("kept-keyword</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("kept-example</textarea>", html, StringComparison.Ordinal);
        Assert.Contains(web + "</textarea>", html, StringComparison.Ordinal); // the long text itself is not lost
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits"));
    }

    [Fact]
    public async Task The_hindi_triage_rules_fit_the_workspace_form()
    {
        // ~106 KB of UTF-8, three times that form-encoded: far over the server's default body limit.
        var admin = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
            { BaseAddress = client.BaseAddress };
        var email = $"admin-{Guid.NewGuid():N}@ngo.example";
        await factory.CreateUserAsync(email, StaffRoles.Admin);
        await admin.PostAsync("/admin/login", await AdminHttp.FormAsync(admin, "/admin/login",
            new() { ["Email"] = email, ["Password"] = AdminHttp.Password }));
        var rules = await File.ReadAllTextAsync(Path.Combine(HealthBotFactory.ContentDirectory, "hi", "triage.md"));

        var response = await admin.PostAsync("/admin/triage/hi?handler=Save",
            await AdminHttp.FormAsync(admin, "/admin/triage/hi", new() { ["Rules"] = rules + "\n" }));

        // Read whole and compared with the served rules: the same text, so nothing is saved and the page says so.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Regex Field(string id, string value) =>
        new($"<input id=\"{id}\"[^>]*value=\"{Regex.Escape(value)}\"");
}
