using HealthBot.Dialog;
using HealthBot.Safety;

namespace HealthBot.Tests.Safety;

/// <summary>
/// A dose question gets "ask a health worker" instead of an answer. Counting vaccine shots is not one: the vaccination
/// items give the schedule, so a parent asking about a second measles dose must get it, in every language.
/// </summary>
public sealed class DoseQuestionsTests
{
    [Theory]
    [InlineData("how many doses of the measles vaccine does my girl need")]
    [InlineData("combien de doses du vaccin contre la rougeole pour un enfant")]
    [InlineData("mtoto anahitaji dozi ngapi za chanjo ya surua")]
    [InlineData("a vacina do sarampo tem quantas doses")]
    [InlineData("खसरे के टीके की कितनी खुराक लगती है")]
    [InlineData("how many measles doses does my child need")]
    [InlineData("my baby had one polio dose, how many more")]
    [InlineData("combien de doses de rougeole pour mon bebe")]
    [InlineData("dozi ngapi za surua kwa mtoto")]
    [InlineData("quantas doses de sarampo o meu filho precisa")]
    [InlineData("बच्चे को खसरे की कितनी खुराक चाहिए")]
    [InlineData("bachche ko polio ki kitni dose chahiye")]
    public void Counting_vaccine_doses_is_not_a_medicine_dose_question(string text)
    {
        Assert.False(DoseQuestions.IsDoseQuestion(TextNormalizer.Normalize(text)));
    }

    [Theory]
    [InlineData("what dose of paracetamol for a 2 year old")]
    [InlineData("after the vaccine how many mg of paracetamol can i give")]
    [InlineData("quelle dose de coartem pour un enfant")]
    [InlineData("dozi ya dawa ya malaria kwa mtoto")]
    [InlineData("qual a dose de amoxicilina para bebe")]
    public void Medicine_doses_still_get_the_referral(string text)
    {
        Assert.True(DoseQuestions.IsDoseQuestion(TextNormalizer.Normalize(text)));
    }
}
