using HealthBot.Content;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Content;

/// <summary>Folder-level checks of <c>content validate</c>: each broken fixture gives exactly one finding, at the right file and line.</summary>
public sealed class ContentValidatorTests : IDisposable
{
    private readonly ContentFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Repository_content_has_no_errors()
    {
        var content = HealthBotFactory.ContentDirectory;
        var report = ContentValidator.Validate(content);

        // Hindi is written on another branch; until it is merged its absence is the only acceptable error.
        var hi = Path.Combine(content, "hi");
        string[] expected = Directory.Exists(hi) ? [] : [$"{hi}:0: missing language folder 'hi': every one of en, fr, sw, pt, hi is required"];
        Assert.Equal(expected, report.Findings.Where(f => f.IsError).Select(f => f.ToString()));
        Assert.True(report.Files >= 4 * 31, $"only {report.Files} files were checked");
    }

    [Fact]
    public void Complete_fixture_has_no_findings()
    {
        var report = ContentValidator.Validate(fixture.Directory);

        Assert.Empty(report.Findings.Select(f => f.ToString()));
        Assert.Equal("checked 15 files in 5 languages: 0 errors, 0 warnings", report.Summary);
    }

    [Fact]
    public void Triage_rules_are_not_a_topic_that_needs_translating()
    {
        File.Copy(Path.Combine(HealthBotFactory.ContentDirectory, "en", "triage.md"), fixture.Path("en", "triage.md"));

        Assert.Empty(ContentValidator.Validate(fixture.Directory).Findings);
    }

    [Fact]
    public void Missing_translation_is_reported_at_the_file_it_should_be()
    {
        File.Delete(fixture.Path("sw", "handwashing.md"));

        AssertSingle(fixture.Path("sw", "handwashing.md"), 0, "missing translation of handwashing");
    }

    [Fact]
    public void Missing_language_folder_is_reported_once()
    {
        Directory.Delete(Path.Combine(fixture.Directory, "hi"), recursive: true);

        AssertSingle(Path.Combine(fixture.Directory, "hi"), 0, "missing language folder 'hi': every one of en, fr, sw, pt, hi is required");
    }

    [Fact]
    public void Translation_of_a_topic_english_does_not_have_is_an_error()
    {
        fixture.Write("fr", "cough.md", """
            ---
            id: cough
            language: fr
            title: La toux
            version: 1
            source_version: 1
            status: published
            reviewed_by: pending clinical review
            sources: [WHO]
            keywords: [toux]
            examples: [je tousse]
            urgency: info
            ---
            ## sms
            Toux : buvez de l'eau.

            ## web
            Toux : buvez de l'eau.
            """);

        AssertSingle(fixture.Path("fr", "cough.md"), 2, "'cough' is not an English topic (there is no en/cough.md); topics are defined by the English folder");
    }

    [Fact]
    public void Translation_of_an_older_english_version_is_stale()
    {
        fixture.Replace("en", "handwashing.md", "version: 1", "version: 2");
        foreach (var language in new[] { "fr", "sw", "hi" })
        {
            fixture.Replace(language, "handwashing.md", "source_version: 1", "source_version: 2");
        }

        AssertSingle(fixture.Path("pt", "handwashing.md"), fixture.LineStartingWith("pt", "handwashing.md", "source_version:"),
            "stale translation: translated from English version 1, but English is now version 2; update the text and set source_version: 2");
    }

    [Fact]
    public void Translation_without_source_version_is_an_error_at_its_version_line()
    {
        fixture.Replace("sw", "handwashing.md", "source_version: 1\n", "");

        AssertSingle(fixture.Path("sw", "handwashing.md"), fixture.LineStartingWith("sw", "handwashing.md", "version:"),
            "'source_version' is missing: write the English version this was translated from (English is version 1)");
    }

    [Fact]
    public void Missing_system_section_is_named()
    {
        var text = fixture.Read("sw", "system.md");
        var start = text.IndexOf("## opt_in", StringComparison.Ordinal);
        var end = text.IndexOf("## ", start + 3, StringComparison.Ordinal);
        fixture.Write("sw", "system.md", text[..start] + text[end..]);

        AssertSingle(fixture.Path("sw", "system.md"), 1, "missing section '## opt_in'");
    }

    [Fact]
    public void Urgent_referral_without_the_facility_placeholder_is_an_error()
    {
        fixture.Replace("pt", "system.md", "{facility}", "the clinic");

        AssertSingle(fixture.Path("pt", "system.md"), fixture.LineStartingWith("pt", "system.md", "## urgent_referral"),
            "'## urgent_referral' must contain {facility}");
    }

    [Fact]
    public void Malformed_header_line_is_reported_with_its_line()
    {
        fixture.Replace("fr", "handwashing.md", "tags: [hygiene, prevention]", "tags [hygiene, prevention]");

        AssertSingle(fixture.Path("fr", "handwashing.md"), fixture.LineStartingWith("fr", "handwashing.md", "tags "),
            "cannot read this header line: expected 'key: value' or '  - item', got 'tags [hygiene, prevention]'");
    }

    [Fact]
    public void Empty_keywords_are_an_error()
    {
        fixture.Replace("hi", "handwashing.md", "keywords: [हाथ धोना, साबुन, haath dhona, sabun]", "keywords: []");

        AssertSingle(fixture.Path("hi", "handwashing.md"), fixture.LineStartingWith("hi", "handwashing.md", "keywords:"),
            "'keywords' needs at least one entry: words people use for this topic");
    }

    private void AssertSingle(string file, int line, string message)
    {
        var report = ContentValidator.Validate(fixture.Directory);
        Assert.Equal([$"{file}:{line}: {message}"], report.Findings.Select(f => f.ToString()));
        Assert.Equal(1, report.Errors);
    }
}
