using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>The audit page names the rules a triage edit changed; the whole line diff is one link away.</summary>
public sealed partial class AuditPageTests : IAsyncLifetime
{
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Triage_entries_show_their_rules_by_name_and_link_to_the_full_diff_keeping_the_page_small()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var current = await File.ReadAllTextAsync(Path.Combine(HealthBotFactory.ContentDirectory, "en", "triage.md"));
        var rules = Regex.Replace(current.Replace("## emergency: convulsions",
                "## emergency: rash-spreading\nsigns: purple spots spreading\n\n## emergency: convulsions"),
            @"## emergency: poisoning\n(?:(?!## ).*\n)*", "");
        Assert.True(current.Length > 40_000);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/triage/en?handler=Submit",
            await AdminHttp.FormAsync(admin, "/admin/triage/en", new() { ["Rules"] = rules }))).StatusCode);
        var editId = await factory.CountAsync("SELECT MAX(id) FROM content_edits WHERE state = 'review'");
        var reviewer = await factory.SignedInAsync(StaffRoles.Admin);
        var form = await (await AdminHttp.ReviewFormAsync(reviewer, editId)).ReadAsStringAsync() +
            "&ConfirmRemoval=true";
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync($"/admin/review/{editId}?handler=Publish",
            new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"))).StatusCode);

        var html = await admin.GetStringAsync("/admin/audit");

        Assert.True(html.Length < 30_000, $"the audit page is {html.Length} characters");
        Assert.Equal(2, Regex.Matches(html, "Rule added: emergency: rash-spreading").Count); // draft and publish
        Assert.Equal(2, Regex.Matches(html, "Rule removed: emergency: poisoning").Count);
        Assert.DoesNotContain("## emergency: convulsions", html, StringComparison.Ordinal);
        var links = Link().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, links.Count);
        var full = WebUtility.HtmlDecode(await admin.GetStringAsync(links[0]));
        Assert.Contains("{+## emergency: rash-spreading", full, StringComparison.Ordinal);
        Assert.Contains("## emergency: convulsions", full, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await factory.SignedInAsync(StaffRoles.Editor)).GetAsync(links[0])).StatusCode);
    }

    [GeneratedRegex("<a href=\"(/admin/audit/[0-9]+)\">Full line diff</a>")]
    private static partial Regex Link();
}
