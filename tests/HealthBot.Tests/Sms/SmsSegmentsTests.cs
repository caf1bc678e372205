using HealthBot.Sms;

namespace HealthBot.Tests.Sms;

/// <summary>
/// What an SMS costs and where it breaks: 160 septets alone or 153 per part (GSM-7), 70 or 67 UTF-16 units (UCS-2),
/// per 3GPP TS 23.038 and https://www.twilio.com/docs/glossary/what-sms-character-limit.
/// </summary>
public sealed class SmsSegmentsTests
{
    private static string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));

    public static TheoryData<string, string, SmsEncoding, int, int> Counts => new()
    {
        // description, text, encoding, segments, units (septets for GSM-7, UTF-16 code units for UCS-2)
        { "empty text sends nothing", "", SmsEncoding.Gsm7, 0, 0 },
        { "160 GSM-7 characters fit one SMS", Repeat("a", 160), SmsEncoding.Gsm7, 1, 160 },
        { "161 GSM-7 characters need two parts", Repeat("a", 161), SmsEncoding.Gsm7, 2, 161 },
        { "306 = 2 x 153 still two parts", Repeat("a", 306), SmsEncoding.Gsm7, 2, 306 },
        { "307 needs a third part", Repeat("a", 307), SmsEncoding.Gsm7, 3, 307 },
        { "70 UCS-2 units fit one SMS", Repeat("ã", 70), SmsEncoding.Ucs2, 1, 70 },
        { "71 UCS-2 units need two parts", Repeat("ã", 71), SmsEncoding.Ucs2, 2, 71 },
        { "134 = 2 x 67 still two parts", Repeat("ã", 134), SmsEncoding.Ucs2, 2, 134 },
        { "135 needs a third part", Repeat("ã", 135), SmsEncoding.Ucs2, 3, 135 },
        { "euro sign is ESC + e: two septets", "€", SmsEncoding.Gsm7, 1, 2 },
        { "form feed is ESC + LF: two septets", "\f", SmsEncoding.Gsm7, 1, 2 },
        { "80 euro signs are 160 septets", Repeat("€", 80), SmsEncoding.Gsm7, 1, 160 },
        { "81 euro signs are 162 septets", Repeat("€", 81), SmsEncoding.Gsm7, 2, 162 },
        { "in UCS-2 an extension character is one unit", "ã€", SmsEncoding.Ucs2, 1, 2 },
        { "an emoji is a surrogate pair: two units", "😀", SmsEncoding.Ucs2, 1, 2 },
        { "an emoji with a skin tone is four units", "👍🏽", SmsEncoding.Ucs2, 1, 4 },
        { "a flag is two regional indicators: four units", "🇰🇪", SmsEncoding.Ucs2, 1, 4 },
        { "35 emoji are 70 units", Repeat("😀", 35), SmsEncoding.Ucs2, 1, 70 },
        { "36 emoji are 72 units", Repeat("😀", 36), SmsEncoding.Ucs2, 2, 72 },
        { "CR LF are two septets", "a\r\nb", SmsEncoding.Gsm7, 1, 4 },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Counts_encoding_segments_and_units(string description, string text, SmsEncoding encoding, int segments, int units)
    {
        var info = SmsSegments.Analyze(text);

        Assert.True(new SegmentInfo(encoding, segments, units) == info, $"{description}: expected {new SegmentInfo(encoding, segments, units)}, got {info}");
        Assert.Equal(segments, SmsSegments.Split(text).Count);
        Assert.Equal(text, string.Concat(SmsSegments.Split(text)));
    }

    public static TheoryData<string, SmsEncoding> Detection => new()
    {
        { "Hello @ £ $ ¥ ¤ § ¿ ¡ _", SmsEncoding.Gsm7 },
        { "èéùìòÇØøÅåÆæßÉÄÖÑÜäöñüà", SmsEncoding.Gsm7 },
        { "ΔΦΓΛΩΠΨΣΘΞ", SmsEncoding.Gsm7 },
        { "^{}\\[~]|€\f", SmsEncoding.Gsm7 },
        { "line\nbreak\r\n", SmsEncoding.Gsm7 },
        { "ç", SmsEncoding.Ucs2 },          // only the capital Ç is in the GSM alphabet
        { "á", SmsEncoding.Ucs2 },
        { "`", SmsEncoding.Ucs2 },          // grave accent is not GSM; apostrophe is
        { "\t", SmsEncoding.Ucs2 },
        { "α", SmsEncoding.Ucs2 },          // Greek capitals only
        { "\u2126", SmsEncoding.Ucs2 },     // OHM SIGN looks like Ω (U+03A9) but is not it
        { "\u2206", SmsEncoding.Ucs2 },     // INCREMENT looks like Δ (U+0394) but is not it
        { "“quoted”", SmsEncoding.Ucs2 },
        { "नमस्ते", SmsEncoding.Ucs2 },
    };

    [Theory]
    [MemberData(nameof(Detection))]
    public void Detects_whether_gsm7_can_carry_the_text(string text, SmsEncoding expected)
    {
        Assert.Equal(expected, SmsSegments.Analyze(text).Encoding);
    }

    [Theory]
    [InlineData('^')]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('\\')]
    [InlineData('[')]
    [InlineData('~')]
    [InlineData(']')]
    [InlineData('|')]
    [InlineData('€')]
    [InlineData('\f')]
    public void Each_extension_character_costs_two_septets(char extension)
    {
        Assert.Equal(new SegmentInfo(SmsEncoding.Gsm7, 1, 160), SmsSegments.Analyze(extension + Repeat("a", 158)));
        Assert.Equal(new SegmentInfo(SmsEncoding.Gsm7, 2, 161), SmsSegments.Analyze(extension + Repeat("a", 159)));
    }

    [Fact]
    public void An_escape_pair_that_would_straddle_153_septets_moves_to_the_next_part()
    {
        // 152 septets, then ESC + e would take septets 153 and 154.
        var parts = SmsSegments.Split(Repeat("a", 152) + "€" + Repeat("b", 10));

        Assert.Equal([Repeat("a", 152), "€" + Repeat("b", 10)], parts);
    }

    [Fact]
    public void CR_and_LF_may_part_at_a_boundary_rather_than_cost_a_third_segment()
    {
        var text = Repeat("a", 152) + "\r\n" + Repeat("b", 152);

        Assert.Equal(new SegmentInfo(SmsEncoding.Gsm7, 2, 306), SmsSegments.Analyze(text));
        Assert.Equal([Repeat("a", 152) + "\r", "\n" + Repeat("b", 152)], SmsSegments.Split(text));
    }

    public static TheoryData<string, string, string> Unsplittable => new()
    {
        // description, the text before the boundary, the element that would straddle unit 67
        { "surrogate pair", Repeat("x", 66), "😀" },
        { "flag (two regional indicators)", Repeat("x", 65), "🇰🇪" },
        { "emoji + skin-tone modifier", Repeat("x", 64), "👍🏽" },
        { "health worker ZWJ sequence", Repeat("x", 63), "🧑‍⚕️" },
        { "Devanagari consonant + vowel sign", Repeat("क", 66), "कि" },
        { "Latin letter + combining accents", Repeat("x", 66), "e\u0301\u0301" },
    };

    [Theory]
    [MemberData(nameof(Unsplittable))]
    public void A_grapheme_is_never_split_across_parts(string description, string before, string grapheme)
    {
        var after = Repeat("y", 10);

        var parts = SmsSegments.Split(before + grapheme + after);

        Assert.True(parts.Count == 2, $"{description}: {parts.Count} parts");
        Assert.Equal(before, parts[0]);
        Assert.Equal(grapheme + after, parts[1]);
    }

    [Fact]
    public void A_grapheme_longer_than_a_part_is_cut_between_code_points_never_inside_a_surrogate_pair()
    {
        // 25 women joined by ZWJ render as one grapheme of 74 UTF-16 units: more than a 67-unit part holds.
        var text = string.Join("\u200D", Enumerable.Repeat("👩", 25));

        var parts = SmsSegments.Split(text);

        Assert.Equal(new SegmentInfo(SmsEncoding.Ucs2, 2, 74), SmsSegments.Analyze(text));
        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, p => Assert.InRange(p.Length, 1, SmsSegments.Ucs2Part));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1]) || char.IsLowSurrogate(p[0]), $"split inside a surrogate pair: {p}"));
    }

    [Fact]
    public void Every_part_but_the_last_is_filled_and_none_overflows()
    {
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? "😀 " : "ok ãé "));

        var parts = SmsSegments.Split(text);

        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Analyze(text).Encoding);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, SmsSegments.Ucs2Part));
        Assert.All(parts.SkipLast(1), p => Assert.InRange(p.Length, SmsSegments.Ucs2Part - 1, SmsSegments.Ucs2Part));
    }

    [Fact]
    public void Prints_as_the_sms_info_line()
    {
        Assert.Equal("encoding=GSM-7 segments=1 units=7", SmsSegments.Analyze("5 € ok").ToString());
        Assert.Equal("encoding=UCS-2 segments=1 units=2", SmsSegments.Analyze("ç!").ToString());
    }
}
