using System.Text;
using System.Text.RegularExpressions;
using HealthBot.Dialog;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// The content's Markdown as Telegram's HTML parse mode (https://core.telegram.org/bots/api#html-style): every
/// <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> of the text escaped, **bold** as &lt;b&gt;, *italic* and _italic_ as
/// &lt;i&gt;, ~~strike~~ as &lt;s&gt;, code as &lt;code&gt;/&lt;pre&gt;, [links](https://…) as &lt;a href&gt;,
/// headings as a bold line and "- " lists as "• ". Telegram refuses a message whose tags do not nest ("can't parse
/// entities"), so if the conversion would produce such tags the text goes escaped and unformatted instead.
/// </summary>
public static partial class TelegramHtml
{
    public static string FromMarkdown(string markdown)
    {
        var output = new StringBuilder(markdown.Length + 32);
        var fence = (StringBuilder?)null;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (fence is null)
                {
                    fence = new StringBuilder();
                    continue;
                }

                output.Append("<pre>").Append(Escape(fence.ToString().TrimEnd('\n'))).Append("</pre>\n");
                fence = null;
                continue;
            }

            if (fence is not null)
            {
                fence.Append(line).Append('\n');
                continue;
            }

            output.Append(Line(line)).Append('\n');
        }

        if (fence is not null)
        {
            // An unclosed fence: its lines as they were, escaped.
            output.Append(Escape("```\n" + fence.ToString().TrimEnd('\n'))).Append('\n');
        }

        var html = output.ToString(0, Math.Max(0, output.Length - 1));
        return Nested(html) ? html : Escape(markdown);
    }

    /// <summary>The three characters Telegram's HTML mode requires escaped in text.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Line(string line)
    {
        if (MarkdownSyntax.Heading().Match(line) is { Success: true } heading)
        {
            var title = Inline(heading.Groups[1].Value);
            return title.Length == 0 ? "" : $"<b>{Tags().Replace(title, "")}</b>";
        }

        if (MarkdownSyntax.Rule().IsMatch(line))
        {
            return "";
        }

        return MarkdownSyntax.Bullet().Match(line) is { Success: true } bullet
            ? $"{bullet.Groups[1].Value}• {Inline(bullet.Groups[2].Value)}"
            : Inline(line);
    }

    /// <summary>Code spans verbatim (escaped); links and emphasis converted in the text around them.</summary>
    private static string Inline(string text)
    {
        var parts = MarkdownSyntax.CodeSpan().Split(text);
        var output = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            output.Append(i % 2 == 1 ? $"<code>{Escape(parts[i])}</code>" : Links(parts[i]));
        }

        return output.ToString();
    }

    private static string Links(string text)
    {
        text = AutoLink().Replace(text, "$1");
        var output = new StringBuilder();
        var at = 0;
        foreach (Match link in MarkdownSyntax.Link().Matches(text))
        {
            output.Append(Emphasis(Escape(text[at..link.Index])));
            var (label, url) = (link.Groups[1].Value, link.Groups[2].Value);
            output.Append(SafeUrl().IsMatch(url) && label.Length > 0 && label != url
                ? $"<a href=\"{Escape(url).Replace("\"", "&quot;", StringComparison.Ordinal)}\">" +
                  $"{Emphasis(Escape(label))}</a>"
                : Escape(url.Length > 0 ? url : label));
            at = link.Index + link.Length;
        }

        output.Append(Emphasis(Escape(text[at..])));
        return output.ToString();
    }

    private static string Emphasis(string text)
    {
        text = Bold().Replace(text, m => $"<b>{m.Groups[1].Value}{m.Groups[2].Value}</b>");
        text = StarItalic().Replace(text, "<i>$1</i>");
        text = UnderscoreItalic().Replace(text, "<i>$1</i>");
        return Strike().Replace(text, "<s>$1</s>");
    }

    /// <summary>Whether every tag closes in the order it opened, as Telegram requires.</summary>
    private static bool Nested(string html)
    {
        var open = new Stack<string>();
        foreach (Match tag in Tags().Matches(html))
        {
            var name = tag.Groups[2].Value;
            if (tag.Groups[1].Value.Length == 0)
            {
                open.Push(name);
            }
            else if (!open.TryPop(out var last) || last != name)
            {
                return false;
            }
        }

        return open.Count == 0;
    }

    [GeneratedRegex(@"^(https?://|mailto:|tel:)", RegexOptions.IgnoreCase)]
    private static partial Regex SafeUrl();

    [GeneratedRegex(@"<((?:https?://|mailto:)[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")]
    private static partial Regex Bold();

    // Only text with a letter in it: a USSD code such as *130*1# or 2 * 3 * 4 is not emphasis.
    [GeneratedRegex(@"(?<![*\w])\*(?![\s*])([^*]*?\p{L}[^*]*?)(?<![\s*])\*(?![*\w])")]
    private static partial Regex StarItalic();

    // Not inside words: snake_case and file_name_here stay as typed.
    [GeneratedRegex(@"(?<![\w_])_(?![\s_])([^_]*?\p{L}[^_]*?)(?<![\s_])_(?![\w_])")]
    private static partial Regex UnderscoreItalic();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"<(/?)(b|i|s|code|pre|a)\b[^>]*>")]
    private static partial Regex Tags();
}
