using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// The peer reads parse_mode HTML as Telegram documents it (https://core.telegram.org/bots/api#html-style): only the
/// listed tags, properly nested; every &lt;, &gt; and &amp; outside a tag written as an entity; and the person sees
/// the text with the tags gone and the entities decoded. Anything else is "can't parse entities", as Telegram says.
/// </summary>
public sealed partial class LocalTelegramPeer
{
    private static readonly HashSet<string> Tags =
    [
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
        "blockquote", "tg-emoji",
    ];

    /// <summary>What the person sees, or the error Telegram would give.</summary>
    public static (string? Visible, string? Error) ParseHtml(string html)
    {
        var visible = new StringBuilder(html.Length);
        var open = new Stack<string>();
        for (var i = 0; i < html.Length;)
        {
            var c = html[i];
            if (c == '<')
            {
                var tag = Tag().Match(html, i);
                if (!tag.Success || tag.Index != i || !Tags.Contains(tag.Groups[2].Value))
                {
                    return (null, Offset("Unsupported start tag", i));
                }

                var name = tag.Groups[2].Value;
                if (tag.Groups[1].Value.Length == 0)
                {
                    open.Push(name);
                }
                else if (!open.TryPop(out var last) || last != name)
                {
                    return (null, Offset($"Unexpected end tag \"{name}\"", i));
                }

                i += tag.Length;
                continue;
            }

            if (c == '&')
            {
                var entity = Entity().Match(html, i);
                if (!entity.Success || entity.Index != i)
                {
                    return (null, Offset("Character entity expected", i));
                }

                visible.Append(Decode(entity.Groups[1].Value));
                i += entity.Length;
                continue;
            }

            if (c == '>')
            {
                return (null, Offset("Unexpected >", i));
            }

            visible.Append(c);
            i++;
        }

        return open.Count == 0
            ? (visible.ToString(), null)
            : (null, $"can't parse entities: Can't find end tag corresponding to start tag \"{open.Peek()}\"");
    }

    private static string Offset(string what, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"can't parse entities: {what} at byte offset {index}");

    private static string Decode(string entity) => entity switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        _ when entity.StartsWith("#x", StringComparison.OrdinalIgnoreCase) =>
            char.ConvertFromUtf32(int.Parse(entity[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
        _ => char.ConvertFromUtf32(int.Parse(entity[1..], CultureInfo.InvariantCulture)),
    };

    [GeneratedRegex("""<(/?)([a-z][a-z-]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>""")]
    private static partial Regex Tag();

    [GeneratedRegex("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();
}
