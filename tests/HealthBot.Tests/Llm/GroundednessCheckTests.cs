using HealthBot.Grounding;
using HealthBot.Llm;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Llm;

/// <summary>
/// The check that stands between a model and a person: crafted model outputs for real curated items. A changed dose,
/// an invented medicine, the wrong language or a link must never be sent; a faithful paraphrase may be.
/// </summary>
public sealed class GroundednessCheckTests
{
    private static readonly GroundednessCheck Checker = new(new ContentLanguageDetector(RepositoryContent.Catalog));
    private static readonly AnswerBudget Sms = new(Sms: true, MaxSegments: 3, MaxChars: 1600, FoldAccents: true);
    private static readonly AnswerBudget Web = new(Sms: false, MaxSegments: 0, MaxChars: 8000, FoldAccents: false);

    private static GroundingSource Source(string id, string language) =>
        new(language, [RepositoryContent.Catalog.Current.Find(id, language)!.Sms]);

    [Theory]
    [InlineData("diarrhoea-ors", "en", "Give ORS after every loose stool, and make a fresh mix each day. Give your child zinc for 10-14 days, even when the diarrhoea stops; a health worker will tell you how much. Keep breastfeeding. Go to a clinic NOW if there is blood in the stool or the child cannot drink.")]
    [InlineData("diarrhoea-ors", "fr", "Donnez du SRO après chaque selle liquide et faites un nouveau mélange chaque jour. Donnez du zinc à l'enfant pendant 10-14 jours, même si la diarrhée s'arrête. Continuez l'allaitement. Allez au centre de santé MAINTENANT si les selles ont du sang.")]
    [InlineData("diarrhoea-ors", "sw", "Mpe mtoto ORS baada ya kila choo cha majimaji. Mpe mtoto zinki kwa siku 10-14, hata kuharisha kukiisha. Endelea kunyonyesha. Nenda kliniki SASA HIVI kama kuna damu kwenye kinyesi.")]
    [InlineData("childhood-vaccination", "en", "Vaccines are free at government clinics. Take your child at birth, at 6, 10 and 14 weeks and at 9 months. Bring the child health card each time. If a vaccine was missed, go as soon as you can.")]
    public void A_faithful_paraphrase_is_accepted(string id, string language, string answer)
    {
        var verdict = Checker.Check(answer, Source(id, language), Sms);

        Assert.True(verdict.Passed, $"{verdict.Reason}: {verdict.Detail}");
    }

    [Theory]
    [InlineData("Give your child zinc for 10-14 weeks, even when the diarrhoea stops.", "quantity")]
    [InlineData("Give your child zinc for 20 days, even when the diarrhoea stops. Keep breastfeeding and feeding.", "number")]
    [InlineData("Give your child zinc for fifteen days or two weeks, even when the diarrhoea stops. Keep breastfeeding.", "number")]
    [InlineData("Give ORS after every loose stool, 3 times a day. Give zinc for 10-14 days. Keep breastfeeding and feeding.", "number")]
    public void A_changed_dose_or_duration_is_rejected(string answer, string reason)
    {
        var verdict = Checker.Check(answer, Source("diarrhoea-ors", "en"), Sms);

        Assert.False(verdict.Passed);
        Assert.Equal(reason, verdict.Reason);
    }

    [Theory]
    [InlineData("Give ORS after every loose stool and give amoxicillin to stop the diarrhoea. Keep breastfeeding and feeding.")]
    [InlineData("Give ORS after every loose stool. Loperamide stops the diarrhoea. Keep breastfeeding and feeding.")]
    [InlineData("Give ORS after every loose stool. Antibiotics help the child with diarrhoea. Keep breastfeeding and feeding.")]
    [InlineData("Give ORS after every loose stool and ask for a blood test at the clinic. Keep breastfeeding and feeding.")]
    [InlineData("Give ORS after every loose stool, and racecadotril for the diarrhoea. Keep breastfeeding.")]
    public void An_invented_medicine_or_test_is_rejected(string answer)
    {
        var verdict = Checker.Check(answer, Source("diarrhoea-ors", "en"), Web);

        Assert.False(verdict.Passed);
        Assert.Equal("medicine", verdict.Reason);
    }

    [Fact]
    public void A_medicine_the_source_names_is_allowed()
    {
        var verdict = Checker.Check(
            "A child with fever needs extra fluids and more breastfeeding. Give paracetamol only as a health worker advises. Get a malaria test within 24 hours.",
            Source("fever-child", "en"), Sms);

        Assert.True(verdict.Passed, $"{verdict.Reason}: {verdict.Detail}");
    }

    [Fact]
    public void An_answer_in_another_language_is_rejected()
    {
        // French user, English answer made from the French item.
        var verdict = Checker.Check(
            "Give ORS after every loose stool. Give zinc to the child for 10-14 days, even if the diarrhoea stops. Keep breastfeeding.",
            Source("diarrhoea-ors", "fr"), Sms);

        Assert.False(verdict.Passed);
        Assert.Equal("language", verdict.Reason);
    }

    [Fact]
    public void A_hindi_answer_in_latin_letters_is_rejected()
    {
        var verdict = Checker.Check("Har dast ke baad ORS dein. Bacche ko 10-14 din zinc dein.", Source("diarrhoea-ors", "hi"), Sms);

        Assert.False(verdict.Passed);
        Assert.Equal("script", verdict.Reason);
    }

    [Theory]
    [InlineData("Give ORS after every loose stool. Read more at https://example.org/ors before you go. Keep breastfeeding.")]
    [InlineData("Give ORS after every loose stool. See www.who.int for the diarrhoea advice. Keep breastfeeding.")]
    [InlineData("Give ORS after every loose stool. The advice is on healthbot.org for every child. Keep breastfeeding.")]
    public void An_added_link_is_rejected(string answer)
    {
        var verdict = Checker.Check(answer, Source("diarrhoea-ors", "en"), Web);

        Assert.False(verdict.Passed);
        Assert.Equal("url", verdict.Reason);
    }

    [Fact]
    public void An_invented_phone_number_is_rejected()
    {
        var verdict = Checker.Check("After a dog bite wash the wound with soap and water for 15 minutes and call 0800 723 253 for rabies vaccine.",
            Source("rabies-dog-bite", "en"), Sms);

        Assert.False(verdict.Passed);
        Assert.Equal("phone", verdict.Reason);
    }

    [Fact]
    public void Invented_advice_in_the_right_language_is_rejected()
    {
        var verdict = Checker.Check("Drink a glass of warm salty lemon tea with honey, then rest in a cool dark room and avoid any cold drinks.",
            Source("diarrhoea-ors", "en"), Web);

        Assert.False(verdict.Passed);
    }

    [Fact]
    public void An_sms_answer_over_its_segment_budget_is_rejected()
    {
        var sms = RepositoryContent.Catalog.Current.Find("diarrhoea-ors", "en")!.Sms;

        var verdict = Checker.Check(sms + " " + sms, Source("diarrhoea-ors", "en"), Sms);

        Assert.False(verdict.Passed);
        Assert.Equal("too-long", verdict.Reason);
    }

    [Fact]
    public void Gibberish_is_rejected()
    {
        var verdict = Checker.Check("pipUnileb Ele Werk zesificate successo status heutigenโgele HarttekupsologЕfahrtники", Source("diarrhoea-ors", "en"), Sms);

        Assert.False(verdict.Passed);
    }
}
