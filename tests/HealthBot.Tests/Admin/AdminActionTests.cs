using System.Net;
using HealthBot.Admin;
using HealthBot.Content;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>Smaller workspace actions over HTTP: adding users, rejecting, and the read-only viewer.</summary>
public sealed class AdminActionTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task An_admin_adds_a_user_who_can_then_sign_in_and_it_is_audited()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin, "root@ngo.example");
        var response = await admin.PostAsync("/admin/users", await AdminHttp.FormAsync(admin, "/admin/users", new()
        {
            ["Email"] = "nurse@ngo.example", ["Role"] = StaffRoles.Reviewer, ["Password"] = AdminHttp.Password,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nurse@ngo.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'root@ngo.example' AND action = 'user.add' AND target = 'nurse@ngo.example'"));
        var nurse = factory.Client();
        var login = await nurse.PostAsync("/admin/login", await AdminHttp.FormAsync(nurse, "/admin/login", new() { ["Email"] = "nurse@ngo.example", ["Password"] = AdminHttp.Password }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task A_rejected_edit_is_never_served_and_the_grid_shows_review_while_it_waits()
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        await editor.PostAsync("/admin/content/anaemia/en?handler=Submit", await AdminHttp.FormAsync(editor, "/admin/content/anaemia/en", new()
        {
            ["Title"] = "Anaemia", ["Sms"] = "Rejected text.", ["Web"] = "Rejected text.",
        }));
        Assert.Contains("anaemia en: review", await editor.GetStringAsync("/admin/content"), StringComparison.Ordinal);
        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits");
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);

        var response = await reviewer.PostAsync($"/admin/review/{editId}?handler=Reject", await AdminHttp.FormAsync(reviewer, $"/admin/review/{editId}", []));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, factory.Service<ContentCatalog>().Current.Find("anaemia", "en")!.Version);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'rejected'"));
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'content.reject'"));
    }

    [Fact]
    public async Task A_viewer_reads_history_but_cannot_roll_back()
    {
        var viewer = await factory.SignedInAsync(StaffRoles.Viewer);
        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM content_versions WHERE id = 'anaemia'"), n => n > 0, "content versions recorded");
        var history = await viewer.GetStringAsync("/admin/content/anaemia/en/history");
        Assert.Contains("v1", history, StringComparison.Ordinal);

        var response = await viewer.PostAsync("/admin/content/anaemia/en/history?handler=Rollback",
            await AdminHttp.FormAsync(viewer, "/admin/content/anaemia/en/history", new() { ["version"] = "1" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits"));
    }

    [Fact]
    public async Task Signing_out_from_the_header_form_ends_the_session()
    {
        var viewer = await factory.SignedInAsync(StaffRoles.Viewer, "out@ngo.example");

        var response = await viewer.PostAsync("/admin/logout", await AdminHttp.FormAsync(viewer, "/admin/content", []));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await viewer.GetAsync("/admin/content");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/admin/login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'out@ngo.example' AND action = 'logout'"));
    }
}
