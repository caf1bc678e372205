using HealthBot.Sms;

namespace HealthBot.Tests.Sms;

/// <summary>
/// Typography pasted from a word processor must not turn a reply into UCS-2, and folding accents must not touch
/// the letters GSM-7 carries nor scripts it cannot carry at all.
/// </summary>
public sealed class SmartEncodingTests
{
    public static TheoryData<string, string> Typography => new()
    {
        { "‘Take’ it ‚now‛", "'Take' it 'now'" },
        { "“Drink” „water‟ «now»", "\"Drink\" \"water\" \"now\"" },
        { "2–3 times—daily ― ok", "2-3 times-daily - ok" },
        { "non‑breaking‐hyphen, figure‒dash, minus −5", "non-breaking-hyphen, figure-dash, minus -5" },
        { "Wait…", "Wait..." },
        { "38\u00A0C, 5\u202Fml, 2\u2009kg, a\u2003b, c\u3000d, tab\there", "38 C, 5 ml, 2 kg, a b, c d, tab here" },
        { "zero\u200Bwidth\u2060joiner\uFEFF", "zerowidthjoiner" },
        { "\uFEFFHello", "Hello" },
        { "soft\u00ADhyphen", "softhyphen" },
        { "joined\u200Dby\u200Cnothing", "joinedbynothing" },
        { "• bullet", "- bullet" },
    };

    [Theory]
    [MemberData(nameof(Typography))]
    public void Apply_turns_typography_into_gsm7_look_alikes(string input, string expected)
    {
        var output = SmartEncoding.Apply(input);

        Assert.Equal(expected, output);
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Analyze(input).Encoding);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Analyze(output).Encoding);
    }

    [Theory]
    [InlineData("Ask a 🧑\u200D\u2695\uFE0F today")] // health worker: person + ZWJ + staff of Aesculapius
    [InlineData("👨\u200D👩\u200D👧 family")] // one family, not three people
    [InlineData("क्\u200Dष and क्\u200Cष")] // Devanagari half form (ZWJ) and explicit virama (ZWNJ)
    [InlineData("ação, fièvre, ñ")] // accents are FoldToGsm's business, not Apply's
    public void Apply_keeps_joiners_and_letters_it_cannot_improve(string text)
    {
        Assert.Equal(text, SmartEncoding.Apply(text));
    }

    [Theory]
    [InlineData("ã", "a")]
    [InlineData("ç", "c")]
    [InlineData("ê", "e")]
    [InlineData("õ", "o")]
    [InlineData("â", "a")]
    [InlineData("î", "i")]
    [InlineData("ô", "o")]
    [InlineData("û", "u")]
    [InlineData("á", "a")]
    [InlineData("í", "i")]
    [InlineData("ó", "o")]
    [InlineData("ú", "u")]
    [InlineData("Ã", "A")]
    [InlineData("Ê", "E")]
    [InlineData("Á", "A")]
    [InlineData("ï", "i")]
    [InlineData("ë", "e")]
    public void FoldToGsm_drops_accents_gsm7_cannot_carry(string letter, string folded)
    {
        Assert.Equal(folded, SmartEncoding.FoldToGsm(letter));
    }

    [Theory]
    [InlineData("é")]
    [InlineData("è")]
    [InlineData("à")]
    [InlineData("ù")]
    [InlineData("ì")]
    [InlineData("ò")]
    [InlineData("ñ")]
    [InlineData("ä")]
    [InlineData("ö")]
    [InlineData("ü")]
    [InlineData("Ä")]
    [InlineData("Ö")]
    [InlineData("Ñ")]
    [InlineData("Ü")]
    [InlineData("Ç")]
    [InlineData("É")]
    [InlineData("Å")]
    [InlineData("Æ")]
    [InlineData("ø")]
    [InlineData("ß")]
    public void FoldToGsm_keeps_accented_letters_gsm7_carries(string letter)
    {
        Assert.Equal(letter, SmartEncoding.FoldToGsm(letter));
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Analyze(letter).Encoding);
    }

    [Theory]
    [InlineData("na\u0303o", "nao")]        // ã typed as a + combining tilde (NFD, as macOS and some keyboards send it)
    [InlineData("sau\u0301de", "saude")]
    [InlineData("fie\u0300vre", "fièvre")]  // e + combining grave composes to è, which GSM-7 carries
    [InlineData("Ce\u0301sar", "César")]
    public void FoldToGsm_handles_decomposed_accents(string input, string expected)
    {
        var output = SmartEncoding.FoldToGsm(input);

        Assert.Equal(expected, output);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Analyze(output).Encoding);
    }

    [Theory]
    [InlineData("बच्चे को हर दस्त के बाद ओआरएस घोल दें। क्\u200Dष")]
    [InlineData("œuf, Ŀ, ı")]  // Latin letters with no GSM-7 fold stay as they are
    public void FoldToGsm_leaves_what_it_cannot_fold_untouched(string text)
    {
        Assert.Equal(text, SmartEncoding.FoldToGsm(text));
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Analyze(SmartEncoding.FoldToGsm(text)).Encoding);
    }

    [Fact]
    public void FoldToGsm_passes_a_broken_surrogate_through_instead_of_throwing()
    {
        const string text = "dose \uD83D ok";

        Assert.Equal(text, SmartEncoding.FoldToGsm(text));
    }

    [Fact]
    public void A_portuguese_health_message_becomes_gsm7_and_costs_a_segment_less()
    {
        const string text = "Dar à criança soro de reidratação oral (SRO) depois de cada evacuação líquida e continue a amamentação. " +
            "Se houver sangue nas fezes, febre alta ou se ela não conseguir beber, vá à unidade de saúde já.";

        var folded = SmartEncoding.FoldToGsm(text);

        Assert.Equal(
            "Dar à crianca soro de reidratacao oral (SRO) depois de cada evacuacao liquida e continue a amamentacao. " +
            "Se houver sangue nas fezes, febre alta ou se ela nao conseguir beber, va à unidade de saude ja.",
            folded);
        Assert.Equal(new SegmentInfo(SmsEncoding.Ucs2, 3, 199), SmsSegments.Analyze(text));
        Assert.Equal(new SegmentInfo(SmsEncoding.Gsm7, 2, 199), SmsSegments.Analyze(folded));
    }

    [Fact]
    public void A_french_health_message_becomes_gsm7_and_costs_a_segment_less()
    {
        const string text = "Si votre enfant a de la fièvre, donnez-lui à boire souvent\u202F; s’il a moins de 2 mois ou s’il ne peut pas boire, " +
            "allez au centre de santé immédiatement — n’attendez pas. Il doit être au frais.";

        var folded = SmartEncoding.FoldToGsm(text);

        Assert.Equal(
            "Si votre enfant a de la fièvre, donnez-lui à boire souvent ; s'il a moins de 2 mois ou s'il ne peut pas boire, " +
            "allez au centre de santé immédiatement - n'attendez pas. Il doit etre au frais.",
            folded);
        Assert.Equal(new SegmentInfo(SmsEncoding.Ucs2, 3, 190), SmsSegments.Analyze(text));
        Assert.Equal(new SegmentInfo(SmsEncoding.Gsm7, 2, 190), SmsSegments.Analyze(folded));
    }
}
