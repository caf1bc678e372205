using System.Text.RegularExpressions;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// The words without the formatting, for when Telegram refuses our HTML ("can't parse entities"): the same
/// conversion as <see cref="FromMarkdown"/>, its tags then dropped and its entities decoded, so the person reads
/// "Common signs: fever" and not "**Common signs:** fever". A link keeps its address in brackets.
/// </summary>
public static partial class TelegramHtml
{
    public static string ToPlain(string markdown)
    {
        var html = Anchor().Replace(FromMarkdown(markdown), link =>
        {
            var (url, label) = (Decode(link.Groups[1].Value), Decode(Tags().Replace(link.Groups[2].Value, "")));
            return (label == url ? url : $"{label} ({url})").Replace("&", "&amp;", StringComparison.Ordinal)
                .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        });
        return Decode(Tags().Replace(html, ""));
    }

    /// <summary>The four entities <see cref="Escape"/> and link addresses write; &amp;amp; last.</summary>
    private static string Decode(string html) =>
        html.Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex("<a href=\"([^\"]*)\">(.*?)</a>")]
    private static partial Regex Anchor();
}
