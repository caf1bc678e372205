using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>A triage draft that deletes an emergency rule says so first and is only published once confirmed.</summary>
public sealed class TriageRuleRemovalTests : IAsyncLifetime
{
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Removing_the_convulsions_rule_is_named_on_the_review_page_and_needs_a_confirmation()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var current = await File.ReadAllTextAsync(Path.Combine(HealthBotFactory.ContentDirectory, "en", "triage.md"));
        var rules = Regex.Replace(current, @"## emergency: convulsions\n(?:(?!## ).*\n)*", "");
        Assert.NotEqual(current, rules);
        var submit = await admin.PostAsync("/admin/triage/en?handler=Submit",
            await AdminHttp.FormAsync(admin, "/admin/triage/en", new() { ["Rules"] = rules }));
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Contains("Rule removed: emergency: convulsions", await admin.GetStringAsync("/admin/triage/en"),
            StringComparison.Ordinal); // the editor says it too, after saving
        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");

        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);
        var review = await reviewer.GetStringAsync($"/admin/review/{editId}");
        var warning = review.IndexOf("data-testid=\"rule-removed\"", StringComparison.Ordinal);
        Assert.True(warning > 0, "the review page names the removed rule");
        Assert.Contains("Rule removed: emergency: convulsions. People describing", review, StringComparison.Ordinal);
        Assert.True(warning < review.IndexOf("data-testid=\"triage-diff\"", StringComparison.Ordinal),
            "the warning comes before the line diff");

        var refused = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish",
            await AdminHttp.ReviewFormAsync(reviewer, editId));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("tick the box", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'published'"));

        var form = await (await AdminHttp.ReviewFormAsync(reviewer, editId)).ReadAsStringAsync() + "&ConfirmRemoval=true";
        var published = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish",
            new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM content_edits WHERE state = 'published'"));
    }

    [Fact]
    public async Task An_added_rule_publishes_without_a_confirmation()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var current = await File.ReadAllTextAsync(Path.Combine(HealthBotFactory.ContentDirectory, "en", "triage.md"));
        var rules = current.Replace("## emergency: convulsions",
            "## emergency: rash-spreading\nsigns: purple spots spreading\n\n## emergency: convulsions");
        await admin.PostAsync("/admin/triage/en?handler=Submit",
            await AdminHttp.FormAsync(admin, "/admin/triage/en", new() { ["Rules"] = rules }));
        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");

        var reviewer = await factory.SignedInAsync(StaffRoles.Reviewer);
        var review = await reviewer.GetStringAsync($"/admin/review/{editId}");
        Assert.Contains("Rule added: emergency: rash-spreading", review, StringComparison.Ordinal);
        Assert.DoesNotContain("rule-removed", review, StringComparison.Ordinal);
        var published = await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish",
            await AdminHttp.ReviewFormAsync(reviewer, editId));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }
}
