using System.Text;
using HealthBot.Sms;

namespace HealthBot.Dialog;

/// <summary>
/// Fits a reply to its channel: GSM-friendly characters for SMS (so a reply does not silently become UCS-2),
/// then, past the channel's hard limit, a deliberate split at paragraph or sentence ends, and a shortened
/// last part rather than a message the provider would reject. WhatsApp gets its own formatting, not Markdown.
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
        else if (profile.Channel == ChannelNames.WhatsApp)
        {
            // WhatsApp shows Markdown's ** and # literally; it has its own *bold* and _italic_.
            text = WhatsAppFormat.FromMarkdown(text);
        }

        if (text.Length <= profile.MaxChars)
        {
            return [text];
        }

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var piece in Pieces(text))
        {
            if (current.Length + piece.Length > profile.MaxChars && current.Length > 0)
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }

            current.Append(piece.Length > profile.MaxChars ? Shorten(piece, profile.MaxChars) : piece);
        }

        parts.Add(current.ToString().Trim());
        if (parts.Count > profile.MaxParts)
        {
            parts = parts.Take(profile.MaxParts).ToList();
            parts[^1] = Shorten(parts[^1], profile.MaxChars - 4) + " ...";
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
