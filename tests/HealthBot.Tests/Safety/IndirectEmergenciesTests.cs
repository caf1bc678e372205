using HealthBot.Dialog;
using HealthBot.Grounding;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>
/// Issue #12, emergencies an independent evaluation found told indirectly, in all five languages (testdata/
/// indirect-emergencies.tsv): a child's abuse told as "our secret" or someone in the bed at night; suicide as being a
/// burden with the means or a plan; infection after birth as fever with a foul smell or low belly pain. Each is an
/// emergency followed by its topic; the same words asked about, or a burden without means, stay questions.
/// </summary>
public sealed class IndirectEmergenciesTests
{
    private const string File = "tests/HealthBot.Tests/Safety/testdata/indirect-emergencies.tsv";
    private static readonly Lazy<RuleTriage> Triage = new(() => new RuleTriage(RepositoryContent.Catalog));

    public static TheoryData<string, string, int> Urgent() => TriageDevSetTests.Rows(File, urgent: true);

    public static TheoryData<string, string, int> NearMisses() => TriageDevSetTests.Rows(File, urgent: false);

    [Theory]
    [MemberData(nameof(Urgent))]
    public void An_indirect_emergency_is_urgent_and_followed_by_its_topic(string language, string topic, int line)
    {
        var text = TriageDevSetTests.Text(File, line);
        var normalized = TextNormalizer.Normalize(text);
        var assessment = Triage.Value.Assess(normalized, language);
        var retrieval = new LexicalRetriever(RepositoryContent.Catalog).Retrieve(normalized, language);

        Assert.True(assessment.Urgent, $"line {line} [{language}] not urgent: {text}");
        Assert.Equal(topic, UrgentTopic.Choose(assessment, retrieval, RepositoryContent.Catalog.Current, language)?.Id);
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void A_near_miss_is_not_an_emergency(string language, string topic, int line)
    {
        var text = TriageDevSetTests.Text(File, line);
        var assessment = Triage.Value.Assess(TextNormalizer.Normalize(text), language);

        Assert.False(assessment.Urgent, $"line {line} [{language}, {topic}] urgent ({assessment.Rule}): {text}");
    }
}
