using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>
/// Issue #12: how long a pregnancy has lasted is often said in months alone ("7 months along", Hinglish
/// "abhi 5 mahine hai"), without the word "pregnant". That length tells the pregnancy rules who is affected, so a
/// bleeding at 5 months is an emergency even as the first message of a conversation.
/// </summary>
public sealed class TriageAgesTests
{
    private static readonly Lazy<RuleTriage> Triage = new(() => new RuleTriage(RepositoryContent.Catalog));

    [Theory]
    [InlineData("7 months along and blood is coming since morning", true)]
    [InlineData("im 8 mths, the baby is not moving since yesterday", true)]
    [InlineData("abhi 6 mahine hai aur subah se khoon aa raha", true)]
    [InlineData("5 mois de grossesse et je saigne depuis ce matin", true)]
    [InlineData("wife 34wks face and hands swelled up suddenly", true)]
    [InlineData("my daughter is 9 months", false)]
    [InlineData("a filha dela 9 meses tosse muito", false)]
    [InlineData("bleeding between periods for the last 3 months", false)]
    [InlineData("pichle 4 mahine se period nahi aaya", false)]
    [InlineData("3 mois de toux et de fievre", false)]
    [InlineData("she had a miscarriage 5 months ago", false)]
    [InlineData("bachcha 2 mahine ka hai", false)]
    public void A_pregnancy_length_said_alone_marks_a_pregnancy_and_other_months_do_not(string text, bool pregnant)
    {
        var words = TriageSpelling.Fold(TriageSpelling.Words(TextNormalizer.Normalize(text).Folded), message: true);

        Assert.Equal(pregnant, words.Contains(TriageAges.Pregnant));
    }

    [Theory]
    [InlineData("hi", "abhi 6 mahine hai aur aaj thoda khoon aaya, pet me dard bhi")]
    [InlineData("hi", "8 mahine hai, kal raat se neeche se paani gir raha hai")]
    public void Bleeding_with_a_pregnancy_said_in_months_is_an_emergency_without_the_word_pregnant(string language, string text)
    {
        var result = Triage.Value.Assess(TextNormalizer.Normalize(text), language);

        Assert.True(result.Urgent, text);
    }

    [Theory]
    [InlineData("meri beti 5 din ki hai aur doodh nahi pee rahi", true)]
    [InlineData("3 din ka bachcha hai, bukhar hai", true)]
    [InlineData("मेरी 6 दिन की बच्ची पीली पड़ गई है", true)]
    [InlineData("navjaat 2 din ka hai", true)]
    [InlineData("malaria ki dawa 3 din ki hai", false)]
    [InlineData("मलेरिया की दवा 3 दिन की है", false)]
    [InlineData("doctor ne 5 din ki goli di hai", false)]
    [InlineData("खांसी की दवाई 7 दिन की मिली है", false)]
    public void A_hindi_days_ka_age_is_a_newborn_only_when_said_of_a_child(string text, bool newborn)
    {
        var words = TriageSpelling.Fold(TriageSpelling.Words(TextNormalizer.Normalize(text).Folded), message: true);

        Assert.Equal(newborn, words.Contains(TriageAges.Newborn));
    }
}
