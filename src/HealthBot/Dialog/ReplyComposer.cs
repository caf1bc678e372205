using System.Text;
using HealthBot.Sms;

namespace HealthBot.Dialog;

/// <summary>
/// Fits a reply to its channel: GSM-friendly characters for SMS (so a reply does not silently become UCS-2),
/// then, past the channel's hard limit, a deliberate split at paragraph or sentence ends, and a shortened
/// last part rather than a message the provider would reject. The channel's registration says how: its
/// formatting (WhatsApp's, not Markdown), its encoding and the sending provider's limits.
/// </summary>
public static class ReplyComposer
{
    public static IReadOnlyList<string> Compose(
        string text, ChannelProfile profile, bool foldAccents, string? language = null)
    {
        text = text.Trim();
        if (profile.SmsCost)
        {
            text = OutgoingSms.Prepare(text, language, foldAccents);
        }
        else if (profile.Formatting == Channels.TextFormatting.WhatsApp)
        {
            // WhatsApp shows Markdown's ** and # literally; it has its own *bold* and _italic_.
            text = WhatsAppFormat.FromMarkdown(text);
        }

        if (profile.Fits(text))
        {
            return [text];
        }

        // UCS-2 text fits fewer characters in the sending provider's SMS parts than GSM-7 text.
        var max = profile.MaxCharsFor(text);
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var piece in Pieces(text))
        {
            if (current.Length > 0 && !profile.Fits(current + piece))
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }

            current.Append(piece.Length > max ? Shorten(piece, max, profile) : piece);
        }

        parts.Add(current.ToString().Trim());
        if (parts.Count > profile.MaxParts)
        {
            parts = parts.Take(profile.MaxParts).ToList();
            parts[^1] = Shorten(parts[^1], max - 4, profile) + " ...";
        }

        return parts;
    }

    /// <summary>Sentences with their trailing space, so that joining them gives back the text.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '.' or '!' or '?' or '\n' or '।'
                && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]));
            if (end)
            {
                var stop = i + 1 < text.Length ? i + 2 : i + 1;
                yield return text[start..Math.Min(stop, text.Length)];
                start = Math.Min(stop, text.Length);
                i = start - 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static string Shorten(string text, int max, ChannelProfile profile)
    {
        var shortened = Shorten(text, max);
        // GSM-7's extension characters (€, [, ]…) take two places: shorten on until the part really fits.
        while (shortened.Length > 10 && !profile.Fits(shortened + " ..."))
        {
            shortened = Shorten(shortened, shortened.Length - 10);
        }

        return shortened;
    }

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', Math.Max(0, max - 1));
        cut = cut <= 0 ? max : cut;
        // Never cut a surrogate pair in half.
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd();
    }
}
