using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>A refused triage draft's rule summary is of the text the person sent, not of the draft saved before.
/// </summary>
public sealed partial class TriageRefusedSummaryTests : IAsyncLifetime
{
    private const string Page = "/admin/triage/en";

    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_refused_draft_is_summarised_as_sent_not_as_the_saved_draft()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        var current = (await File.ReadAllTextAsync(Path.Combine(HealthBotFactory.ContentDirectory, "en", "triage.md")))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        var saved = current.Replace("## emergency: convulsions",
            "## emergency: rash-spreading\nsigns: purple spots spreading\n\n## emergency: convulsions",
            StringComparison.Ordinal);
        var save = await admin.PostAsync($"{Page}?handler=Save",
            await AdminHttp.FormAsync(admin, Page, new() { ["Rules"] = saved }));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        // The person's new text drops the convulsions rule and has a problem, so it is refused.
        var sent = ConvulsionsRule().Replace(current, "").TrimEnd()
            + "\n\n## emergency: badcombine\nsigns: purple spots\ncombine: blood + nosuchconcept\n";
        Assert.NotEqual(current, sent);
        var refused = await admin.PostAsync($"{Page}?handler=Save",
            await AdminHttp.FormAsync(admin, Page, new() { ["Rules"] = sent }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"refused\"", html, StringComparison.Ordinal);
        var summary = Summary().Match(html);
        Assert.True(summary.Success, "the page summarises the rules");
        Assert.Contains("Rule removed: emergency: convulsions", summary.Value, StringComparison.Ordinal);
        Assert.Contains("Rule added: emergency: badcombine", summary.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("rash-spreading", summary.Value, StringComparison.Ordinal); // the saved draft's rule
        Assert.Contains("in the text you sent (not saved)", summary.Value, StringComparison.Ordinal);

        // The open draft (not refused) keeps its own summary under the plain heading.
        var editor = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));
        var open = Summary().Match(editor).Value;
        Assert.Contains("Rule added: emergency: rash-spreading", open, StringComparison.Ordinal);
        Assert.DoesNotContain("text you sent", open, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_heading_of_a_refused_draft_is_in_the_staff_language()
    {
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/language/sw");
        var refused = await admin.PostAsync($"{Page}?handler=Save",
            await AdminHttp.FormAsync(admin, Page, new() { ["Rules"] = "## weird\nwords: x\n" }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(UiText.Get("sw", "Rules added, removed or changed in the text you sent (not saved)"),
            Summary().Match(html).Value, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"## emergency: convulsions\n(?:(?!## ).*\n)*")]
    private static partial Regex ConvulsionsRule();

    [GeneratedRegex("data-testid=\"rule-changes\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex Summary();
}
