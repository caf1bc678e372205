using System.Globalization;

namespace HealthBot.Sms;

public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <summary>
/// How a text travels by SMS. <paramref name="Units"/> counts septets for GSM-7 and UTF-16 code units for UCS-2.
/// </summary>
public sealed record SegmentInfo(SmsEncoding Encoding, int Segments, int Units)
{
    public string EncodingName => Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2";

    public override string ToString() => $"encoding={EncodingName} segments={Segments} units={Units}";
}

/// <summary>
/// Segment arithmetic for SMS: 160 septets in one GSM-7 segment or 153 per part of a concatenated message
/// (the UDH takes the rest), 70 / 67 UTF-16 units for UCS-2. Parts never split an escape pair or a surrogate
/// pair, nor a UCS-2 grapheme that fits in one part (https://www.twilio.com/docs/glossary/what-sms-character-limit;
/// cases checked against https://github.com/TwilioDevEd/message-segment-calculator).
/// </summary>
public static class SmsSegments
{
    public const int GsmSingle = 160;
    public const int GsmPart = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Part = 67;

    public static SegmentInfo Analyze(string text)
    {
        var parts = Split(text, out var encoding, out var units);
        return new SegmentInfo(encoding, parts.Count, units);
    }

    public static IReadOnlyList<string> Split(string text) => Split(text, out _, out _);

    private static List<string> Split(string text, out SmsEncoding encoding, out int units)
    {
        var chosen = GsmCharset.CanEncode(text) ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;
        encoding = chosen;
        var elements = chosen == SmsEncoding.Gsm7 ? Characters(text) : Graphemes(text);
        var costs = elements.Select(e => Cost(e, chosen)).ToList();
        units = costs.Sum();
        if (text.Length == 0)
        {
            return [];
        }

        var (single, part) = encoding == SmsEncoding.Gsm7 ? (GsmSingle, GsmPart) : (Ucs2Single, Ucs2Part);
        if (units <= single)
        {
            return [text];
        }

        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var used = 0;
        for (var i = 0; i < elements.Count; i++)
        {
            if (used + costs[i] > part && used > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
                used = 0;
            }

            current.Append(elements[i]);
            used += costs[i];
        }

        parts.Add(current.ToString());
        return parts;
    }

    /// <summary>
    /// GSM-7 splits between any two characters: an extension character is one <see cref="char"/> worth two septets,
    /// so its escape pair stays whole, and CR LF may part like any two characters (as Twilio's segment calculator
    /// does; keeping them together would cost a segment when they straddle a boundary).
    /// </summary>
    private static List<string> Characters(string text) => text.Select(c => c.ToString()).ToList();

    /// <summary>
    /// UCS-2 keeps each grapheme whole (a flag, an emoji with its skin tone, a Devanagari syllable with its marks),
    /// and so each surrogate pair. Only a grapheme longer than a whole part is cut, between code points.
    /// </summary>
    private static List<string> Graphemes(string text)
    {
        var list = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = (string)enumerator.Current;
            if (element.Length <= Ucs2Part)
            {
                list.Add(element);
                continue;
            }

            list.AddRange(element.EnumerateRunes().Select(r => r.ToString()));
        }

        return list;
    }

    private static int Cost(string element, SmsEncoding encoding) =>
        encoding == SmsEncoding.Ucs2 ? element.Length : element.Sum(GsmCharset.Septets);
}
