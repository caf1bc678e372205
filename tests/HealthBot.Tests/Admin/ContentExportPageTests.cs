using System.Net;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>An admin exports what reviewers published to the content folder (a private copy here), so git sees the change.</summary>
public sealed class ContentExportPageTests : IAsyncLifetime
{
    private readonly string content = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"), "content");
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(HealthBotFactory.ContentDirectory, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(content, Path.GetRelativePath(HealthBotFactory.ContentDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        factory = new HealthBotFactory(settings: new Dictionary<string, string?> { ["Content:Directory"] = content });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(content)!, recursive: true);
    }

    [Fact]
    public async Task Published_edits_are_written_to_their_content_file()
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        await editor.PostAsync("/admin/content/anaemia/en?handler=Submit", await AdminHttp.FormAsync(editor, "/admin/content/anaemia/en", new()
        {
            ["Title"] = "Anaemia (low blood)", ["Sms"] = "Exported SMS text.", ["Web"] = "Exported web text.",
        }));
        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits");
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer, "rita@ngo.example");
        await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(reviewer, editId));
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        Assert.Contains("anaemia / en v2", await admin.GetStringAsync("/admin/content/export"), StringComparison.Ordinal);

        var response = await admin.PostAsync("/admin/content/export", await AdminHttp.FormAsync(admin, "/admin/content/export", []));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = await File.ReadAllTextAsync(Path.Combine(content, "en", "anaemia.md"));
        Assert.Contains("version: 2\n", file, StringComparison.Ordinal);
        Assert.Contains("reviewed_by: rita@ngo.example\n", file, StringComparison.Ordinal);
        Assert.Contains("## sms\nExported SMS text.\n", file, StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'content.export'"));
    }
}
