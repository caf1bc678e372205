using HealthBot.Sms;

namespace HealthBot.Tests.Sms;

/// <summary>
/// The cases Twilio publishes for its Messaging Segment Calculator
/// (https://github.com/TwilioDevEd/message-segment-calculator, tests/index.test.js and tests/segments.test.js),
/// re-expressed as rows. Their bodies are the digits 1234567890 repeated, with the first digit replaced by the
/// character under test; "characters" below is their count of graphemes. Where Twilio's counts are in characters
/// and ours in units, the units column is derived (an emoji is two UTF-16 units, a flag four, 🏳️‍🌈 six).
/// </summary>
public sealed class SmsSegmentsTwilioCasesTests
{
    /// <summary>The calculator's body: <paramref name="first"/> then digits, <paramref name="characters"/> in all.</summary>
    private static string Body(string first, int characters)
    {
        var digits = string.Concat(Enumerable.Repeat("1234567890", characters / 10 + 1));
        return first + digits[1..characters];
    }

    private static string Digits(int count) => Body("1", count);

    public static TheoryData<string, string, SmsEncoding, int, int> Published => new()
    {
        { "GSM-7 in one segment", Digits(160), SmsEncoding.Gsm7, 1, 160 },
        { "GSM-7 in two segments", Digits(161), SmsEncoding.Gsm7, 2, 161 },
        { "GSM-7 in three segments", Digits(307), SmsEncoding.Gsm7, 3, 307 },
        { "UCS-2 message in one segment", Body("😜", 69), SmsEncoding.Ucs2, 1, 70 },
        { "UCS-2 message in two segments", Body("😜", 70), SmsEncoding.Ucs2, 2, 71 },
        { "UCS-2 message in three segments", Body("😜", 134), SmsEncoding.Ucs2, 3, 135 },
        { "UCS-2 flag at the one-segment boundary", Body("🇮🇹", 67), SmsEncoding.Ucs2, 1, 70 },
        { "UCS-2 flag at the two-segment boundary", Body("🇮🇹", 68), SmsEncoding.Ucs2, 2, 71 },
        { "UCS-2 ZWJ flag at the one-segment boundary", Body("🏳️‍🌈", 65), SmsEncoding.Ucs2, 1, 70 },
        { "UCS-2 ZWJ flag at the two-segment boundary", Body("🏳️‍🌈", 66), SmsEncoding.Ucs2, 2, 71 },
        { "GSM-7 escape character in one segment", "{" + Digits(158), SmsEncoding.Gsm7, 1, 160 },
        { "GSM-7 escape character in two segments", "{" + Digits(159), SmsEncoding.Gsm7, 2, 161 },
        // Issue #18 of the calculator: ']' is two septets in GSM-7 but one unit once the text is UCS-2.
        { "UCS-2 with GSM extension characters in one segment", "😀" + new string(']', 68), SmsEncoding.Ucs2, 1, 70 },
        { "UCS-2 with GSM extension characters in two segments", "😀" + new string(']', 69), SmsEncoding.Ucs2, 2, 71 },
        { "CR LF counts as two characters", "\rabcde\r\n123", SmsEncoding.Gsm7, 1, 11 },
        { "LF only", "\nabcde\n\n123\n", SmsEncoding.Gsm7, 1, 12 },
        // Issue #17: one grapheme of four code points (e + three combining acute accents).
        { "triple accent, one segment", "e\u0301\u0301\u0301" + new string('a', 66), SmsEncoding.Ucs2, 1, 70 },
        { "triple accent, two segments", "e\u0301\u0301\u0301" + new string('a', 67), SmsEncoding.Ucs2, 2, 71 },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Matches_the_published_counts(string description, string text, SmsEncoding encoding, int segments, int units)
    {
        var expected = new SegmentInfo(encoding, segments, units);

        var info = SmsSegments.Analyze(text);

        Assert.True(expected == info, $"{description}: expected {expected}, got {info}");
    }

    [Theory]
    [InlineData("Á")]
    [InlineData("Ú")]
    [InlineData("ú")]
    [InlineData("ç")]
    [InlineData("í")]
    [InlineData("Í")]
    [InlineData("ó")]
    [InlineData("Ó")]
    public void Accented_letters_outside_gsm7_make_70_fit_one_ucs2_segment_and_71_two(string letter)
    {
        Assert.Equal(new SegmentInfo(SmsEncoding.Ucs2, 1, 70), SmsSegments.Analyze(string.Concat(Enumerable.Repeat(letter, 70))));
        Assert.Equal(new SegmentInfo(SmsEncoding.Ucs2, 2, 71), SmsSegments.Analyze(string.Concat(Enumerable.Repeat(letter, 71))));
    }

    [Fact]
    public void The_last_of_three_gsm7_parts_holds_the_307th_character_alone()
    {
        var parts = SmsSegments.Split(Digits(307));

        Assert.Equal([153, 153, 1], parts.Select(p => p.Length));
        Assert.Equal("7", parts[2]);
    }

    [Fact]
    public void The_last_of_three_ucs2_parts_holds_one_character_and_the_emoji_stays_in_the_first()
    {
        var parts = SmsSegments.Split(Body("😜", 134));

        Assert.Equal([67, 67, 1], parts.Select(p => p.Length));
        Assert.StartsWith("😜", parts[0], StringComparison.Ordinal);
        Assert.Equal("4", parts[2]);
    }
}
