using System.Text.RegularExpressions;

namespace HealthBot.Dialog;

/// <summary>
/// The Markdown the content's web text uses, as the channel formatters read it (WhatsApp's own marks, Telegram's
/// HTML): one set of patterns, so both formatters see the same headings, rules, bullets, code and links.
/// </summary>
internal static partial class MarkdownSyntax
{
    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")]
    public static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}([-*_])(\s*\1){2,}\s*$")]
    public static partial Regex Rule();

    [GeneratedRegex(@"^(\s*)[-*+•]\s+(.*)$")]
    public static partial Regex Bullet();

    [GeneratedRegex(@"`([^`]+)`")]
    public static partial Regex CodeSpan();

    [GeneratedRegex(@"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    public static partial Regex Link();
}
