using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>A refused triage draft: every parser problem in the staff's language, each at its own line.</summary>
public sealed partial class TriageDraftProblemsTests : IAsyncLifetime
{
    private const string Page = "/admin/triage/en";
    private const string Rules = "\n## emergency: nosigns\nwhen: now\n\n## weird\nwords: x\n\n" +
        "## emergency: badcombine\nsigns: purple spots\n<!-- a note -->\ncombine: blood + nosuchconcept\n";

    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    public static TheoryData<string, string> Drafts => new()
    {
        { "sw", "rules" }, { "fr", "header" }, { "pt", "no-header" }, { "hi", "unclosed" }, { "fr", "stray" },
        { "sw", "no-rule" },
    };

    [Theory]
    [MemberData(nameof(Drafts))]
    public async Task Every_problem_of_a_refused_draft_is_in_the_staff_language(string language, string draft)
    {
        var text = Draft(draft);
        var problems = TriageDrafts.Problems("en", text);
        Assert.NotEmpty(problems);
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        await admin.GetAsync($"/admin/language/{language}");

        var shown = await RefusedAsync(admin, text);

        Assert.Equal(problems.Select(p => UiText.Built(language, p)), shown);
        foreach (var (problem, line) in problems.Zip(shown))
        {
            var message = problem[(problem.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            Assert.DoesNotContain(message, line, StringComparison.Ordinal); // not left in English
            Assert.DoesNotContain("line ", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_concept_is_reported_at_its_combine_line_not_the_rule_heading()
    {
        var text = Draft("rules");
        var lines = text.Split('\n');
        var combine = Array.FindIndex(lines, l => l.Contains("nosuchconcept", StringComparison.Ordinal)) + 1;
        var heading = Array.IndexOf(lines, "## emergency: badcombine") + 1;
        Assert.True(combine > heading + 1);
        var admin = await factory.SignedInAsync(StaffRoles.Admin);

        var shown = await RefusedAsync(admin, text);

        Assert.Contains(
            $"line {combine}: rule 'emergency: badcombine' combines an unknown concept 'nosuchconcept'", shown);
        Assert.DoesNotContain(shown, l => l.StartsWith($"line {heading}:", StringComparison.Ordinal));
    }

    /// <summary>The lines of the refused draft's box, as the page shows them.</summary>
    private static async Task<List<string>> RefusedAsync(HttpClient admin, string text)
    {
        var response = await admin.PostAsync($"{Page}?handler=Save",
            await AdminHttp.FormAsync(admin, Page, new() { ["Rules"] = text }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var box = Box().Match(html);
        Assert.True(box.Success, "the page shows the refused draft's problems");
        return Item().Matches(box.Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();
    }

    private static string Draft(string kind)
    {
        var current = File.ReadAllText(Path.Combine(HealthBotFactory.ContentDirectory, "en", "triage.md"))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        return kind switch
        {
            "rules" => current.TrimEnd() + "\n" + Rules,
            "header" => "---\nlanguage: en\nnot a field\n" + current[4..] + "\n## negation\nwords: no\n",
            "no-header" => current[current.IndexOf("\n## ", StringComparison.Ordinal)..].TrimStart(),
            "unclosed" => current.Replace("\n---\n", "\n", StringComparison.Ordinal),
            "stray" => Head(current) + "stray text\n## negation\nwords: no\n",
            _ => Head(current) + "## negation\nwords: no\n",
        };
    }

    private static string Head(string text) => text[..(text.IndexOf("\n## ", StringComparison.Ordinal) + 1)];

    [GeneratedRegex("data-testid=\"refused\">.*?</ul>", RegexOptions.Singleline)]
    private static partial Regex Box();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Item();
}
