using HealthBot.Dialog;
using HealthBot.Grounding;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>
/// Issue #12, messages as people really write them, in all five languages (testdata/real-phrasings.tsv): a child's
/// abuse told without touch words, suicide told as a farewell plan, poison taken on purpose (followed by the
/// mental-health item), newborn danger signs. Each is an emergency followed by its topic; prevention and storage
/// questions, "too much" beside "blood pressure", weak milk with a crying baby and "3 din ki dawa" stay questions.
/// </summary>
public sealed class RealPhrasingsTests
{
    private const string File = "tests/HealthBot.Tests/Safety/testdata/real-phrasings.tsv";
    private static readonly Lazy<RuleTriage> Triage = new(() => new RuleTriage(RepositoryContent.Catalog));

    public static TheoryData<string, string, int> Urgent() => TriageDevSetTests.Rows(File, urgent: true);

    public static TheoryData<string, string, int> NearMisses() => TriageDevSetTests.Rows(File, urgent: false);

    [Theory]
    [MemberData(nameof(Urgent))]
    public void A_real_phrasing_of_an_emergency_is_urgent_and_followed_by_its_topic(
        string language, string topic, int line)
    {
        var text = TriageDevSetTests.Text(File, line);
        var normalized = TextNormalizer.Normalize(text);
        var assessment = Triage.Value.Assess(normalized, language);
        var retrieval = new LexicalRetriever(RepositoryContent.Catalog).Retrieve(normalized, language);

        Assert.True(assessment.Urgent, $"line {line} [{language}] not urgent: {text}");
        // "*": an adult's emergency with no item of its own (unconscious): the referral alone is the answer.
        var chosen = UrgentTopic.Choose(assessment, retrieval, RepositoryContent.Catalog.Current, language)?.Id;
        Assert.True(topic == "*" || topic == chosen, $"line {line} [{language}] followed by {chosen}: {text}");
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void A_question_or_everyday_remark_is_not_an_emergency(string language, string topic, int line)
    {
        var text = TriageDevSetTests.Text(File, line);
        var assessment = Triage.Value.Assess(TextNormalizer.Normalize(text), language);

        Assert.False(assessment.Urgent, $"line {line} [{language}, {topic}] urgent ({assessment.Rule}): {text}");
    }
}
