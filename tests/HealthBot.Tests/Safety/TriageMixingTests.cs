using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>
/// Issue #12, round 3: compounds written either way ("snake bite", "snakebite"), messages that mix languages, "&amp;"
/// and "+" between clauses, and a tie between calm and urgent words. On the repository's real rule files where a
/// person would notice it, on <see cref="TriageMixing"/> directly for the false friends.
/// </summary>
public sealed class TriageMixingTests
{
    private static readonly RuleTriage Triage = new(RepositoryContent.Catalog);

    private static readonly Dictionary<string, IReadOnlySet<string>> RuleWords = new()
    {
        ["en"] = new HashSet<string> { "snake", "bite", "snakebite", "bleeding", "pain" },
        ["sw"] = new HashSet<string> { "damu", "nyingi" },
    };

    [Fact]
    public void A_compound_also_says_its_parts_and_two_words_also_say_the_compound()
    {
        var mixing = new TriageMixing(RuleWords, new Dictionary<string, IReadOnlySet<string>>());

        Assert.Contains("snakebite", mixing.Compounds(["a", "snake", "bite", "on", "the", "leg"]));
        var split = mixing.Compounds(["snakebite", "on", "the", "leg"]);
        Assert.Equal(["snake", "bite"], split.Where(w => w != TriageSpelling.ClauseBreak));
        Assert.Empty(mixing.Compounds(["without", "pain"]));
    }

    [Fact]
    public void Another_languages_rule_word_mixes_that_language_in_unless_the_messages_language_spells_it_too()
    {
        var known = new Dictionary<string, IReadOnlySet<string>> { ["fr"] = new HashSet<string> { "pain" } };
        var mixing = new TriageMixing(RuleWords, known);

        Assert.Equal(["en"], mixing.Languages(["damu", "bleeding", "sana"], "sw"));
        // French "pain" is bread: a false friend of the English rule word, so the English concepts stay out.
        Assert.Empty(mixing.Languages(["du", "pain", "et", "du", "lait"], "fr"));
        Assert.Empty(mixing.Languages(["bleeding", "a", "lot"], "en"));
    }

    [Theory]
    [InlineData("my son got a snakebite on the leg", "en")]
    [InlineData("snake bite on his foot, it is swelling", "en")]
    // "&" and "+" join clauses: the negation before them does not reach the sign after them.
    [InlineData("no fever & now convulsing", "en")]
    [InlineData("pas de fievre + il convulse", "fr")]
    public void Compounds_and_symbols_between_clauses_do_not_hide_an_emergency(string text, string language) =>
        Assert.True(Triage.Assess(TextNormalizer.Normalize(text), language).Urgent, text);

    [Theory]
    // "a little" weighs against an emergency, but not inside a danger sign: breathing only a little is barely breathing.
    [InlineData("he touched the power line, fell and is only breathing a little", "en")]
    [InlineData("ameanguka na anapumua kidogo tu", "sw")]
    public void A_calm_word_inside_a_danger_sign_does_not_weigh_against_it(string text, string language) =>
        Assert.True(Triage.Assess(TextNormalizer.Normalize(text), language).Urgent, text);

    [Theory]
    // Hearsay, teaching others, storing poison, counting breaths: nothing is happening to anyone.
    [InlineData("my grandmother says a child who has a seizure is bewitched, witchcraft, is it true that", "en")]
    [InlineData("where to keep rat poison out of reach of my kids", "en")]
    [InlineData("jinsi ya kuhesabu pumzi za mtoto kujua kama anapumua haraka", "sw")]
    public void Hearsay_teaching_and_preparing_are_not_emergencies(string text, string language) =>
        Assert.False(Triage.Assess(TextNormalizer.Normalize(text), language).Urgent, text);

    [Fact]
    public void Every_rule_file_combines_only_concepts_it_defines()
    {
        // fr and pt "fever-danger-signs" named a concept that did not exist: the combination was dropped in silence.
        foreach (var (language, document) in RepositoryContent.Catalog.Current.Triage)
        {
            var errors = new List<HealthBot.Content.ContentError>();
            TriageRuleSet.Parse(language, document, errors);
            Assert.True(errors.Count == 0, $"{language}: {string.Join("; ", errors.Select(e => e.Message))}");
        }
    }
}
