using HealthBot.Content;
using HealthBot.Llm;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Content;

/// <summary>
/// Portuguese content keeps to the register its deployment declares (Mozambique or Brazil): <c>content validate</c>
/// names a word of the other register in what people read, with file, line and the word to write instead.
/// </summary>
public sealed class RegisterCheckTests : IDisposable
{
    private readonly ContentFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void The_repository_content_declares_Mozambique_and_keeps_to_it()
    {
        var library = RepositoryContent.Catalog.Current;
        Assert.Equal("mz", library.System["pt"].Register);

        var report = ContentValidator.Validate(HealthBotFactory.ContentDirectory);

        Assert.DoesNotContain(report.Findings, f => f.Error.Message.Contains("register", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Brazilian_word_in_a_Mozambican_answer_is_named_with_its_line_and_the_word_to_write()
    {
        fixture.Replace("pt", "handwashing.md", "## web\n",
            "## web\nLave as mãos depois de trocar a fralda do bebê.\n");

        var finding = Assert.Single(ContentValidator.Validate(fixture.Directory).Findings);

        var line = fixture.LineStartingWith("pt", "handwashing.md", "Lave as mãos depois de trocar");
        Assert.False(finding.IsError);
        Assert.Equal($"{fixture.Path("pt", "handwashing.md")}:{line}: warning: 'bebê' is how Brazil writes it; "
            + "this content is written for Mozambique (register: mz): write 'bebé'", finding.ToString());
    }

    [Fact]
    public void A_deployment_for_Brazil_gets_the_Mozambican_words_named_instead()
    {
        fixture.Replace("pt", "system.md", "register: mz", "register: br");
        fixture.Replace("pt", "handwashing.md", "## web\n",
            "## web\nDepois da casa de banho, lave as mãos do bebé.\n");

        var findings = ContentValidator.Validate(fixture.Directory).Findings;

        var named = findings.Select(f => f.Error.Message)
            .Where(m => m.Contains("Brazil (register: br)", StringComparison.Ordinal))
            .Select(m => $"{m[..(m.IndexOf('\'', 1) + 1)]} … {m[(m.LastIndexOf(' ') + 1)..]}");
        Assert.Equal(["'bebé' … 'bebê'", "'casa de banho' … 'banheiro'"], named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keywords_examples_and_a_gloss_are_not_slips()
    {
        var item = fixture.Read("pt", "handwashing.md");
        var keywords = item.Split('\n').First(l => l.StartsWith("keywords:", StringComparison.Ordinal));
        fixture.Replace("pt", "handwashing.md", keywords, keywords.TrimEnd(']') + ", banheiro]");
        fixture.Replace("pt", "handwashing.md", "## web\n", "## web\nUse preservativo (camisinha) e lave as mãos.\n");

        Assert.Empty(ContentValidator.Validate(fixture.Directory).Findings);
    }

    [Fact]
    public void An_unknown_register_is_an_error_and_a_missing_one_a_warning()
    {
        fixture.Replace("pt", "system.md", "register: mz", "register: pt-PT");
        var unknown = Assert.Single(ContentValidator.Validate(fixture.Directory).Findings);
        Assert.True(unknown.IsError);
        Assert.Contains("unknown register 'pt-PT': use 'mz' (Mozambique) or 'br' (Brazil)", unknown.ToString(),
            StringComparison.Ordinal);

        fixture.Replace("pt", "system.md", "register: pt-PT\n", "");
        var missing = Assert.Single(ContentValidator.Validate(fixture.Directory).Findings);
        Assert.False(missing.IsError);
        Assert.Contains("add 'register:'", missing.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_is_told_the_register()
    {
        var shape = new AnswerShape("pt", Sms: true, 459, 64) { Register = "mz" };

        var instruction = PromptBuilder.Instruction("Write in {language} only.", [], shape);

        Assert.Equal("Write in Portuguese (português, as written in Mozambique) only.", instruction);
    }
}
