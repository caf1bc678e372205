using System.Net;
using HealthBot.Admin;
using HealthBot.Content;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>Issue #11: a reviewer publishes exactly the text they were shown, never a later change they did not see.</summary>
public sealed class ReviewIntegrityTests : IAsyncLifetime
{
    private const string Changed = "Anaemia: drink bleach every day.";

    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_draft_changed_after_the_reviewer_opened_it_is_not_published_and_the_new_diff_is_shown()
    {
        var editor = await factory.SignedInAsync(StaffRoles.Editor);
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);
        var editId = await SubmitAsync(editor, "Eat iron-rich food every day.");
        var shown = await AdminHttp.ReviewFormAsync(reviewer, editId);

        Assert.Equal(editId, await SubmitAsync(editor, Changed));
        var stale = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish", shown);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await stale.Content.ReadAsStringAsync();
        Assert.Contains("changed since you opened it", page, StringComparison.Ordinal);
        Assert.Contains("bleach", page, StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'published'"));
        Assert.DoesNotContain("bleach", factory.Service<ContentCatalog>().Current.Find("anaemia", "en")!.Sms, StringComparison.Ordinal);

        // Having now seen the new text, the reviewer may still reject it (or publish it, knowingly).
        var reject = await reviewer.PostAsync($"/admin/review/{editId}?handler=Reject", await AdminHttp.ReviewFormAsync(reviewer, editId));
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'rejected'"));
    }

    [Fact]
    public async Task A_publish_that_names_no_revision_is_refused()
    {
        var editId = await SubmitAsync(await factory.SignedInAsync(StaffRoles.Editor), "Eat iron-rich food every day.");
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);

        var response = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish", await AdminHttp.FormAsync(reviewer, $"/admin/review/{editId}", []));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'published'"));
        var publish = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish", await AdminHttp.ReviewFormAsync(reviewer, editId));
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
    }

    [Fact]
    public async Task A_post_that_names_no_action_changes_nothing_and_is_a_bad_request_not_a_crash()
    {
        var editId = await SubmitAsync(await factory.SignedInAsync(StaffRoles.Editor), "Eat beans and greens often.");
        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);
        var form = await AdminHttp.ReviewFormAsync(reviewer, editId);

        var response = await reviewer.PostAsync($"/admin/review/{editId}", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("anaemia / en", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'review'"));
    }

    private async Task<long> SubmitAsync(HttpClient editor, string sms)
    {
        var form = await AdminHttp.FormAsync(editor, "/admin/content/anaemia/en", new() { ["Title"] = "Anaemia (low blood)", ["Sms"] = sms, ["Web"] = sms });
        var response = await editor.PostAsync("/admin/content/anaemia/en?handler=Submit", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");
    }
}
