using System.Globalization;
using HealthBot.Sms;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// How much text one USSD screen carries. A USSD string is 160 octets (3GPP TS 23.038): 182 characters of GSM-7
/// (an extension character such as € or [ counts twice), or 80 UCS-2 characters as soon as one character is outside
/// GSM-7, e.g. any Devanagari. Counted in UTF-16 code units, as UCS-2 sends them: a Hindi letter with its vowel sign
/// is two characters on the network even though it is one on the screen.
/// </summary>
public static class UssdScreen
{
    public const int StandardOctets = 160;

    public static bool IsGsm(string text) => GsmCharset.CanEncode(text);

    /// <summary>Octets the network carries for <paramref name="text"/>.</summary>
    public static int Octets(string text) =>
        IsGsm(text) ? (text.Sum(GsmCharset.Septets) * 7 + 7) / 8 : text.Length * 2;

    /// <summary>The most characters a screen of this kind of text holds: 182 for GSM-7, 80 for UCS-2.</summary>
    public static int MaxChars(string text, int octets = StandardOctets) => IsGsm(text) ? octets * 8 / 7 : octets / 2;

    public static bool Fits(string text, int octets = StandardOctets) => Octets(text) <= octets;

    /// <summary>
    /// Cuts <paramref name="text"/> into screens: each page plus its footer fits (<paramref name="fits"/> is told
    /// whether the page would be the last). Cuts between words, or, for a word longer than a screen, between
    /// graphemes, never inside one (a Devanagari consonant and its vowel sign stay together).
    /// </summary>
    public static IReadOnlyList<string> Pages(string text, Func<string, bool, bool> fits)
    {
        var pages = new List<string>();
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            if (fits(rest, true))
            {
                pages.Add(rest);
                break;
            }

            var cut = Cut(rest, fits);
            pages.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        return pages;
    }

    private static int Cut(string rest, Func<string, bool, bool> fits)
    {
        var (fitting, atWord) = (0, 0);
        var starts = StringInfo.ParseCombiningCharacters(rest);
        for (var i = 1; i <= starts.Length; i++)
        {
            var end = i < starts.Length ? starts[i] : rest.Length;
            if (!fits(rest[..end].TrimEnd(), false))
            {
                break;
            }

            fitting = end;
            atWord = end < rest.Length && char.IsWhiteSpace(rest[end]) ? end : atWord;
        }

        // Always move on, even if a footer alone filled the screen (a misconfigured tiny ScreenOctets).
        return atWord > 0 ? atWord : fitting > 0 ? fitting : starts.Length > 1 ? starts[1] : rest.Length;
    }

    /// <summary>
    /// Menu pages: the most options that fit under <paramref name="header"/> with the footer, and "98 More" when more
    /// follow. Each page is the range of options [Start, End).
    /// </summary>
    public static IReadOnlyList<(int Start, int End)> MenuPages(
        IReadOnlyList<string> options, Func<int, int, bool> fits)
    {
        var pages = new List<(int, int)>();
        var start = 0;
        while (start < options.Count)
        {
            var end = start + 1;
            for (var candidate = start + 1; candidate <= options.Count; candidate++)
            {
                end = fits(start, candidate) ? candidate : end;
            }

            pages.Add((start, end));
            start = end;
        }

        return pages;
    }
}
