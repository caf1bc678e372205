using System.Net;
using HealthBot.Admin;
using HealthBot.Content;
using HealthBot.Data;
using Microsoft.Extensions.DependencyInjection;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>The publishing rules over HTTP: who may publish what.</summary>
public sealed class ContentWorkflowTests : IAsyncLifetime
{
    private HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task An_editor_cannot_publish_even_with_a_valid_form()
    {
        var editId = await SubmitAsync(await factory.SignedInAsync(StaffRoles.Editor));
        var editor = await factory.SignedInAsync(StaffRoles.Editor);

        var response = await editor.PostAsync($"/admin/review/{editId}?handler=Publish", await AdminHttp.FormAsync(editor, "/admin/content/anaemia/en", []));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'published'"));
    }

    [Fact]
    public async Task A_reviewer_cannot_publish_their_own_edit()
    {
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);
        var editId = await SubmitAsync(reviewer);

        var response = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(reviewer, editId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("your own edit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'published'"));
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'content.publish.refused'"));
    }

    [Fact]
    public async Task An_admin_opens_and_publishes_another_persons_edit_but_not_their_own()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var editId = await SubmitAsync(await factory.SignedInAsync(StaffRoles.Editor));

        var page = await admin.GetAsync($"/admin/review/{editId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var published = await admin.PostAsync($"/admin/review/{editId}?handler=Publish",
            await AdminHttp.ReviewFormAsync(admin, editId));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'published'"));

        var own = await SubmitAsync(admin, "Eat iron-rich food every day, with fruit."); // a change: not published text
        var refused = await admin.PostAsync($"/admin/review/{own}?handler=Publish",
            await AdminHttp.ReviewFormAsync(admin, own));
        Assert.Contains("your own edit", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'published'"));
    }

    [Fact]
    public async Task A_small_team_may_allow_self_publishing_and_rollback_restores_old_text_as_a_draft()
    {
        await factory.DisposeAsync();
        factory = new HealthBotFactory(settings: new Dictionary<string, string?> { ["Admin:AllowSelfPublish"] = "true" });
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);
        var original = factory.Service<ContentCatalog>().Current.Find("anaemia", "en")!.Sms;
        var editId = await SubmitAsync(reviewer);

        var response = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(reviewer, editId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, factory.Service<ContentCatalog>().Current.Find("anaemia", "en")!.Version);
        var history = await reviewer.GetStringAsync("/admin/content/anaemia/en/history");
        Assert.Contains("<ins>", history, StringComparison.Ordinal);
        var rollback = await reviewer.PostAsync("/admin/content/anaemia/en/history?handler=Rollback",
            await AdminHttp.FormAsync(reviewer, "/admin/content/anaemia/en/history", new() { ["version"] = "1" }));
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);
        Assert.Equal(1, await factory.CountAsync($"SELECT COUNT(*) FROM content_edits WHERE state = 'draft' AND version = 3 AND sms = '{original.Replace("'", "''")}'"));
    }

    [Fact]
    public async Task A_publish_right_after_start_waits_for_version_1_so_rollback_finds_it()
    {
        // Start-up records the loaded library in the background; a slow disk (or a busy CI box) used to let a
        // publish and a rollback overtake it, and the rollback then answered 404 for version 1.
        await factory.DisposeAsync();
        factory = new HealthBotFactory(
            settings: new Dictionary<string, string?> { ["Admin:AllowSelfPublish"] = "true" },
            services: s => s.AddSingleton<IContentVersionStore>(sp =>
                new SlowLibraryImport(ActivatorUtilities.CreateInstance<SqlContentStore>(sp))));
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);
        var editId = await SubmitAsync(reviewer);

        var response = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(reviewer, editId));
        var rollback = await reviewer.PostAsync("/admin/content/anaemia/en/history?handler=Rollback",
            await AdminHttp.FormAsync(reviewer, "/admin/content/anaemia/en/history", new() { ["version"] = "1" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);
        Assert.Equal(2, factory.Service<ContentCatalog>().Current.Find("anaemia", "en")!.Version);
    }

    [Theory]
    [InlineData("anaemia", "e.n")]
    [InlineData("anaemia", "EN")]
    [InlineData("no-such-topic", "en")]
    public async Task Drafts_only_for_existing_topics_in_language_folder_names(string id, string language)
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var form = await AdminHttp.FormAsync(editor, "/admin/content", new() { ["Title"] = "t", ["Sms"] = "s", ["Web"] = "w" });

        var response = await editor.PostAsync($"/admin/content/{id}/{language}?handler=Save", form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits"));
    }

    private async Task<long> SubmitAsync(HttpClient client, string sms = "Eat iron-rich food every day.")
    {
        var form = await AdminHttp.FormAsync(client, "/admin/content/anaemia/en", new()
        {
            ["Title"] = "Anaemia (low blood)",
            ["Sms"] = sms,
            ["Web"] = "Eat iron-rich food every day.",
        });
        var response = await client.PostAsync("/admin/content/anaemia/en?handler=Submit", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");
    }

    /// <summary>The real store, with the start-up import of the whole library taking six seconds (signing in and submitting take less).</summary>
    private sealed class SlowLibraryImport(SqlContentStore inner) : IContentVersionStore
    {
        public async Task<ContentVersionImport> ImportAsync(
            IReadOnlyList<ContentItem> items, DateTimeOffset importedAt, CancellationToken ct = default)
        {
            if (items.Count > 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(6), ct);
            }

            return await inner.ImportAsync(items, importedAt, ct);
        }

        public Task<StoredContentVersion?> FindAsync(string id, string language, int version, CancellationToken ct = default) =>
            inner.FindAsync(id, language, version, ct);
    }
}
