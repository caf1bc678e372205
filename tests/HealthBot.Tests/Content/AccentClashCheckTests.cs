using HealthBot.Content;

namespace HealthBot.Tests.Content;

/// <summary><c>content validate</c> warns about SMS texts that go UCS-2 because folding would change a word.</summary>
public sealed class AccentClashCheckTests : IDisposable
{
    private readonly ContentFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Sms_with_a_word_folding_would_change_is_a_warning_with_file_and_line()
    {
        ReplaceSms("pt", "handwashing.md", "Lave as mãos com sabão.\nFaça isto antes de comer, durante 20 segundos.");

        var report = ContentValidator.Validate(fixture.Directory);

        var line = fixture.LineStartingWith("pt", "handwashing.md", "Faça isto");
        var finding = Assert.Single(report.Findings);
        Assert.False(finding.IsError);
        Assert.Equal(
            $"{fixture.Path("pt", "handwashing.md")}:{line}: warning: 'Faça' would read 'Faca' without its accent, "
            + "so this SMS is sent unfolded as 1 UCS-2 segment; another word keeps it GSM-7",
            finding.ToString());
    }

    [Fact]
    public void System_message_with_such_a_word_is_a_warning_too()
    {
        fixture.Replace("fr", "system.md", "## help\n", "## help\nSoyez sûr de bien écrire votre question.\n");

        var finding = Assert.Single(ContentValidator.Validate(fixture.Directory).Findings);

        Assert.False(finding.IsError);
        var line = fixture.LineStartingWith("fr", "system.md", "Soyez sûr");
        Assert.StartsWith($"{fixture.Path("fr", "system.md")}:{line}: warning: 'sûr' would read 'sur'",
            finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Accents_that_change_no_listed_word_give_no_warning()
    {
        ReplaceSms("pt", "handwashing.md", "Lave as mãos com sabão e água durante 20 segundos. Não esqueça.");

        Assert.Empty(ContentValidator.Validate(fixture.Directory).Findings);
    }

    private void ReplaceSms(string language, string file, string sms)
    {
        var text = fixture.Read(language, file);
        var start = text.IndexOf("## sms\n", StringComparison.Ordinal) + "## sms\n".Length;
        var end = text.IndexOf("## web", StringComparison.Ordinal);
        fixture.Write(language, file, text[..start] + sms + "\n\n" + text[end..]);
    }
}
