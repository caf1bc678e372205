using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Safety;

/// <summary>
/// The learned second opinion on the repository's examples: deterministic, quiet on everyday questions it never saw
/// (the content's own example questions), and within the rules' false-alarm floors on the development sets' near
/// misses, so staff are not flooded with reviews.
/// </summary>
public sealed class SecondOpinionModelTests
{
    private static readonly Lazy<RuleTriage> Rules = new(() => new RuleTriage(RepositoryContent.Catalog));
    private static readonly Lazy<SecondOpinion> Opinion = new(() => Create(new SafetyOptions()));

    [Fact]
    public void Training_twice_gives_the_same_scores()
    {
        var examples = TriageExamples.Load(HealthBotFactory.ContentDirectory);
        var first = SecondOpinionModel.Train(examples);
        var second = SecondOpinionModel.Train(examples);

        Assert.True(examples.Count > 2000, $"{examples.Count} examples");
        foreach (var e in examples.Where((_, i) => i % 50 == 0))
        {
            Assert.Equal(first.Score(e.Text, e.Language), second.Score(e.Text, e.Language));
        }
    }

    [Fact]
    public void Everyday_questions_it_never_saw_get_no_alert()
    {
        var questions = RepositoryContent.Catalog.Current.Items
            .Where(i => !i.Urgent).SelectMany(i => i.Examples.Select(e => (i.Language, Text: e))).ToList();
        var alerts = questions.Where(q => Alerts(q.Text, q.Language)).Select(q => q.Text).ToList();

        // The level reached (17 of about 1,250 when written): the alerts are on burns, bites or a weak, hot child said as
        // happening now, which staff may well want to see; a change that alerts on more everyday questions fails.
        Assert.True(questions.Count > 300, $"{questions.Count} questions");
        Assert.True(alerts.Count <= questions.Count * 0.02, $"{alerts.Count} of {questions.Count}: {string.Join(" | ", alerts)}");
    }

    [Theory]
    [InlineData("en", 0.15)]
    [InlineData("fr", 0.05)]
    [InlineData("sw", 0.225)]
    [InlineData("pt", 0.10)]
    [InlineData("hi", 0.15)]
    public void With_the_rules_it_keeps_the_near_misses_within_the_rules_floors(string language, double floor)
    {
        // TriageDevSetTests' floors for the rules alone; the everyday probes of emergencies.tsv stay at none.
        var calm = TriageDevSetTests.Read("content/triage-examples/emergencies-x.tsv")
            .Where(r => r.Language == language && !r.Urgent).ToList();
        var alarms = calm.Where(r => RulesSay(r.Text, language) || Alerts(r.Text, language)).Select(r => r.Text).ToList();
        var probes = EmergencyRows().Where(r => r.Language == language && !r.Urgent && Alerts(r.Text, language)).ToList();

        Assert.True(alarms.Count <= floor * calm.Count, $"{language}: {string.Join(" | ", alarms)}");
        Assert.Empty(probes);
    }

    [Fact]
    public void Switched_off_it_gives_no_opinion()
    {
        var off = Create(new SafetyOptions { SecondOpinion = false });

        Assert.False(off.IsOn);
        Assert.Null(off.Check(TextNormalizer.Normalize(MissedByTheRules.Text), "en"));
        Assert.True(Opinion.Value.Check(TextNormalizer.Normalize(MissedByTheRules.Text), "en")!.Alert);
    }

    /// <summary>
    /// A development row (content/triage-examples/emergencies-y.tsv, line 6) the rules do not find urgent: rape last
    /// night, told without the rules' words.
    /// </summary>
    internal static (string Language, string Text) MissedByTheRules { get; } = ("en",
        "pls i need help. a guy forced me last night after the party, im 16. havent told my mum. " +
        "there is a bit of blood down there and im scared of being pregnant or hiv");

    private static bool Alerts(string text, string language) =>
        Opinion.Value.Check(TextNormalizer.Normalize(text), language) is { Alert: true };

    private static bool RulesSay(string text, string language) =>
        Rules.Value.Assess(TextNormalizer.Normalize(text), language).Urgent;

    private static IEnumerable<(string Language, bool Urgent, string Text)> EmergencyRows() =>
        File.ReadAllLines(HealthBotFactory.RepositoryPath("content/triage-examples/emergencies.tsv")).Skip(1)
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).Select(f => (f[0], f[1] == "yes", f[2]));

    private static SecondOpinion Create(SafetyOptions options) =>
        new(RepositoryContent.Catalog, Options.Create(options), NullLogger<SecondOpinion>.Instance);
}
