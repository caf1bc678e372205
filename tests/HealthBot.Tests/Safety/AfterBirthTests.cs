using HealthBot.Dialog;
using HealthBot.Grounding;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>
/// Issue #12: bleeding days or weeks after a birth told as "I had my baby…" (not "after delivery") is postpartum
/// care after the referral, not pregnancy's danger signs, in every language.
/// </summary>
public sealed class AfterBirthTests
{
    private static readonly RuleTriage Triage = new(RepositoryContent.Catalog);

    [Theory]
    [InlineData("i had my baby 10 days ago and now i am soaking a pad every hour", "en")]
    [InlineData("tive bebe ha 5 dias e agora esta a sair muito sangue", "pt")]
    [InlineData("j ai eu mon bebe il y a une semaine et je saigne beaucoup", "fr")]
    public void Heavy_bleeding_after_having_the_baby_is_followed_by_postpartum_care(string text, string language)
    {
        var normalized = TextNormalizer.Normalize(text);
        var assessment = Triage.Assess(normalized, language);
        var retrieval = new LexicalRetriever(RepositoryContent.Catalog).Retrieve(normalized, language);

        Assert.True(assessment.Urgent);
        Assert.Equal("postpartum-care",
            UrgentTopic.Choose(assessment, retrieval, RepositoryContent.Catalog.Current, language)?.Id);
    }
}
