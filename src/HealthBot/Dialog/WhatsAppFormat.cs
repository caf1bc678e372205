using System.Text;
using System.Text.RegularExpressions;

namespace HealthBot.Dialog;

/// <summary>
/// Turns the Markdown of the curated <c>## web</c> bodies into WhatsApp's own formatting
/// (https://faq.whatsapp.com/539178204879377): <c>*bold*</c>, <c>_italic_</c>, <c>~strike~</c>, <c>```mono```</c>,
/// "- " lists and numbered lists as written. WhatsApp has no headings or link syntax, so a heading becomes a bold
/// line and a link "text: url" (WhatsApp makes the bare url tappable). Code is left exactly as written.
/// </summary>
public static partial class WhatsAppFormat
{
    public static string FromMarkdown(string markdown)
    {
        var output = new StringBuilder(markdown.Length);
        var inFence = false;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                output.Append("```").Append('\n');
                continue;
            }

            output.Append(inFence ? line : Line(line)).Append('\n');
        }

        return output.ToString(0, Math.Max(0, output.Length - 1));
    }

    private static string Line(string line)
    {
        if (MarkdownSyntax.Heading().Match(line) is { Success: true } heading)
        {
            var title = Inline(heading.Groups[1].Value).Replace("*", "", StringComparison.Ordinal).Trim();
            return title.Length == 0 ? "" : $"*{title}*";
        }

        if (MarkdownSyntax.Rule().IsMatch(line))
        {
            return "";
        }

        if (MarkdownSyntax.Bullet().Match(line) is { Success: true } bullet)
        {
            return $"{bullet.Groups[1].Value}- {Inline(bullet.Groups[2].Value)}";
        }

        return Inline(line);
    }

    /// <summary>Inline code spans are kept verbatim; the text around them is converted.</summary>
    private static string Inline(string text)
    {
        var parts = MarkdownSyntax.CodeSpan().Split(text);
        for (var i = 0; i < parts.Length; i += 2)
        {
            parts[i] = Emphasis(parts[i]);
        }

        for (var i = 1; i < parts.Length; i += 2)
        {
            parts[i] = $"```{parts[i]}```";
        }

        return string.Concat(parts);
    }

    private static string Emphasis(string text)
    {
        text = MarkdownSyntax.Link().Replace(text, m => m.Groups[1].Value == m.Groups[2].Value || m.Groups[1].Value.Length == 0
            ? m.Groups[2].Value
            : $"{m.Groups[1].Value}: {m.Groups[2].Value}");
        text = AutoLink().Replace(text, "$1");
        // Markdown italics (*x*) become _x_ before bold (**x**, __x__) becomes *x*, so the two never mix.
        text = StarItalic().Replace(text, "_$1_");
        text = Bold().Replace(text, m => $"*{m.Groups[1].Value}{m.Groups[2].Value}*");
        text = Strike().Replace(text, "~$1~");
        return text;
    }

    [GeneratedRegex(@"<((?:https?://|mailto:)[^>\s]+)>")]
    private static partial Regex AutoLink();

    // Only text with a letter in it: a USSD code such as *130*1# or 2 * 3 * 4 is not emphasis.
    [GeneratedRegex(@"(?<![*\w])\*(?![\s*])([^*]*?\p{L}[^*]*?)(?<![\s*])\*(?![*\w])")]
    private static partial Regex StarItalic();

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")]
    private static partial Regex Bold();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~")]
    private static partial Regex Strike();
}
