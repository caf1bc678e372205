using HealthBot.Content;
using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Safety;

/// <summary>
/// Issue #12: rules combine concepts (a sign, a severity, a body part) said anywhere in the message, so everyday words
/// combine without every whole phrase listed; an exception takes a concept back ("blood pressure" is not bleeding);
/// concepts combine in the message's own language and in one whose rule words it uses; <c>chat --explain</c> can say what fired.
/// </summary>
public sealed class TriageConceptTests
{
    private const string Rules = """
        ---
        id: triage
        language: en
        ---
        ## emergency: severe-bleeding
        combine: blood + heavy

        ## emergency: choking
        signs: choking
        combine: coin + throat

        ## concept: blood
        words: blood | bleeding
        except: blood pressure

        ## concept: heavy
        words: all over | a lot | soaked

        ## concept: coin
        words: coin
        """;

    [Theory]
    [InlineData("there is blood all over the kitchen floor", true)]
    [InlineData("soaked the sheets, the bleeding started an hour ago", true)]
    [InlineData("bleeding a lot from the leg", true)]
    [InlineData("a lot of people have high blood pressure", false)]
    [InlineData("is a lot of salt bad", false)]
    [InlineData("she is choking", true)]
    public void A_combination_fires_when_every_concept_is_said(string text, bool urgent)
    {
        var (triage, _) = Build();

        Assert.Equal(urgent, triage.Assess(TextNormalizer.Normalize(text), "en").Urgent);
    }

    [Fact]
    public void The_result_says_which_concepts_fired_and_unknown_concepts_are_reported()
    {
        var (triage, errors) = Build();

        var result = triage.Assess(TextNormalizer.Normalize("blood everywhere, it soaked the bed"), "en");

        Assert.Equal("en:severe-bleeding", result.Rule);
        Assert.Equal("concepts blood 'blood' + heavy 'soaked'", result.Why);
        Assert.Equal("sign 'choking'", triage.Assess(TextNormalizer.Normalize("he is choking"), "en").Why);
        var error = Assert.Single(errors);
        Assert.Contains("unknown concept 'throat'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concepts_combine_in_the_messages_language_and_in_a_language_whose_rule_words_it_uses()
    {
        var (triage, _) = Build();

        // Whole signs count in any language; loose concepts combine in the message's own language, and in another
        // when the message uses that language's rule words (Sheng, Hinglish, French mixed with English).
        Assert.True(triage.Assess(TextNormalizer.Normalize("blood all over"), "en").Urgent);
        Assert.True(triage.Assess(TextNormalizer.Normalize("kuna blood all over, saidia"), "sw").Urgent);
        Assert.False(triage.Assess(TextNormalizer.Normalize("a lot"), "fr").Urgent);
    }

    [Theory]
    // The repository's rules: everyday words combined by concept, in every language.
    [InlineData("7 months along and there is blood down her legs, so much of it", "en")]
    [InlineData("my 9 month old is breathing funny and his chest caves in", "en")]
    [InlineData("elle est enceinte, le sang coule sans arret", "fr")]
    [InlineData("mtoto anaharisha tangu jana, macho yamezama na hanywi", "sw")]
    [InlineData("o bebe tem diarreia e esta muito mole, nao bebe nada", "pt")]
    [InlineData("bachche ko dast aur ulti, bilkul sust hai", "hi")]
    // A negation belongs to its own clause: blurred vision is still said after "a headache that does not go".
    [InlineData("chui enceinte mal de tete qui part pas et je vois flou", "fr")]
    public void The_repository_rules_combine_concepts(string text, string language)
    {
        var triage = new RuleTriage(RepositoryContent.Catalog);

        var result = triage.Assess(TextNormalizer.Normalize(text), language);

        Assert.True(result.Urgent, $"{text} -> {result.Rule}");
        Assert.NotNull(result.Why);
    }

    private static (RuleTriage Triage, List<ContentError> Errors) Build()
    {
        var errors = new List<ContentError>();
        var document = ContentFileParser.Parse("triage.md", Rules);
        TriageRuleSet.Parse("en", document, errors);
        var catalog = new ContentCatalog(
            Options.Create(new ContentOptions { Directory = HealthBotFactory.ContentDirectory, WatchForChanges = false }),
            TimeProvider.System, NullLogger<ContentCatalog>.Instance);
        catalog.Set(RepositoryContent.Catalog.Current with { Triage = new Dictionary<string, ContentDocument> { ["en"] = document } });
        return (new RuleTriage(catalog), errors);
    }
}
