using HealthBot.Content;

namespace HealthBot.Tests.Content;

/// <summary>Text-level checks of <c>content validate</c>: SMS budgets, numbers across languages, duplicated examples.</summary>
public sealed class ContentValidatorTextTests : IDisposable
{
    // 40 + 13 × 35 GSM-7 characters, trimmed: 494 septets, more than the 459 that 3 segments of 153 carry.
    private static readonly string LongPortugueseSms =
        ("Lave as maos com sabao por 20 segundos. " + string.Concat(Enumerable.Repeat("Use sabao e agua corrente, sempre. ", 13))).Trim();

    private readonly ContentFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Sms_over_three_segments_gives_the_count()
    {
        ReplaceSms("pt", "handwashing.md", LongPortugueseSms);

        AssertSingle("pt", "handwashing.md", "## sms", "sms is 4 GSM-7 segments (494 septets); the limit is 3");
    }

    [Fact]
    public void Sms_with_a_reason_for_its_length_is_allowed()
    {
        ReplaceSms("pt", "handwashing.md", "<!-- longer because: the steps cannot be shortened -->\n" + LongPortugueseSms);

        Assert.Empty(ContentValidator.Validate(fixture.Directory).Findings);
    }

    [Fact]
    public void Accents_that_gsm_cannot_carry_are_folded_before_counting()
    {
        // ã and ç would make the SMS UCS-2 (3 segments of 67 at most 201 units); folded they stay GSM-7 in one segment.
        ReplaceSms("pt", "handwashing.md", "Lave as mãos com sabão e água corrente durante 20 segundos, antes de cozinhar e comer, e depois da casa de banho. Seque ao ar.");

        Assert.Empty(ContentValidator.Validate(fixture.Directory).Findings);
    }

    [Fact]
    public void Latin_sms_that_cannot_be_gsm7_names_the_characters()
    {
        ReplaceSms("fr", "handwashing.md", "Lavez-vous les mains ✓ au savon pendant 20 secondes.");

        AssertSingle("fr", "handwashing.md", "## sms",
            "sms is 1 UCS-2 segment (52 UTF-16 units) because of '✓', which have no GSM-7 form; use plain letters (the limit is 3 GSM-7 segments)");
    }

    [Fact]
    public void Hindi_sms_over_four_ucs2_segments_gives_the_count()
    {
        // 31 + 9 × 32 UTF-16 units, trimmed: 318, more than the 268 that 4 segments of 67 carry.
        ReplaceSms("hi", "handwashing.md", ("कम से कम २० सेकंड तक हाथ धोएँ। " + string.Concat(Enumerable.Repeat("साबुन और बहते पानी से हाथ धोएँ। ", 9))).Trim());

        AssertSingle("hi", "handwashing.md", "## sms", "sms is 5 UCS-2 segments (318 UTF-16 units); the limit is 4");
    }

    [Fact]
    public void Changed_number_in_a_translation_is_named()
    {
        fixture.Replace("fr", "diarrhoea-ors.md", "Zinc pour l'enfant 10-14 jours", "Zinc pour l'enfant 10-15 jours");

        AssertSingle("fr", "diarrhoea-ors.md", "## sms", "the sms numbers differ from the English sms: missing 14; extra 15");
    }

    [Fact]
    public void Number_missing_from_the_web_answer_is_named()
    {
        fixture.Replace("sw", "diarrhoea-ors.md", "24", "siku moja");

        var report = ContentValidator.Validate(fixture.Directory);
        var finding = Assert.Single(report.Findings);
        Assert.Equal($"{fixture.Path("sw", "diarrhoea-ors.md")}:{fixture.LineStartingWith("sw", "diarrhoea-ors.md", "## web")}: the web numbers differ from the English web: missing 24",
            finding.ToString());
    }

    [Fact]
    public void Same_example_in_two_topics_names_both_lines()
    {
        var diarrhoeaLine = fixture.LineStartingWith("en", "diarrhoea-ors.md", "  - hw to mix ors");
        fixture.Replace("en", "handwashing.md", "examples:\n", "examples:\n  - Hw to mix ORS?!\n");

        AssertSingle("en", "handwashing.md", "  - Hw to mix ORS?!",
            $"example 'Hw to mix ORS?!' is also in {fixture.Path("en", "diarrhoea-ors.md")}:{diarrhoeaLine}; keep it in one topic only");
    }

    [Fact]
    public void Same_example_in_two_languages_is_fine()
    {
        fixture.Replace("sw", "handwashing.md", "examples:\n", "examples:\n  - hw to mix ors\n");

        Assert.Empty(ContentValidator.Validate(fixture.Directory).Findings);
    }

    [Fact]
    public void Long_system_message_is_a_warning_only()
    {
        fixture.Replace("en", "system.md", "Send HELP for options.\n\n## help", "Send HELP for options. " + new string('x', 100) + "\n\n## help");

        var report = ContentValidator.Validate(fixture.Directory);
        var finding = Assert.Single(report.Findings);
        Assert.False(finding.IsError);
        Assert.Equal($"{fixture.Path("en", "system.md")}:{fixture.LineStartingWith("en", "system.md", "## greeting")}: warning: 'greeting' is 3 GSM-7 segments (367 septets); system messages should fit in 2",
            finding.ToString());
        Assert.Equal("checked 15 files in 5 languages: 0 errors, 1 warning", report.Summary);
    }

    private void ReplaceSms(string language, string file, string sms)
    {
        var text = fixture.Read(language, file);
        var start = text.IndexOf("## sms\n", StringComparison.Ordinal) + "## sms\n".Length;
        var end = text.IndexOf("## web", StringComparison.Ordinal);
        fixture.Write(language, file, text[..start] + sms + "\n\n" + text[end..]);
    }

    private void AssertSingle(string language, string file, string linePrefix, string message)
    {
        var expected = $"{fixture.Path(language, file)}:{fixture.LineStartingWith(language, file, linePrefix)}: {message}";
        Assert.Equal([expected], ContentValidator.Validate(fixture.Directory).Findings.Select(f => f.ToString()));
    }
}
