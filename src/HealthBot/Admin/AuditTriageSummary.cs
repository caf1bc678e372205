using System.Text.RegularExpressions;
using HealthBot.Data;

namespace HealthBot.Admin;

/// <summary>
/// A triage.draft or triage.publish audit entry holds the line diff of a whole triage.md (tens of KB): the audit page
/// shows its rules added, removed or changed by name instead, as the review page does, and links to the full diff.
/// </summary>
public static partial class AuditTriageSummary
{
    /// <summary>The rule changes of a triage entry; null for any other entry (or one whose target names no language).
    /// </summary>
    public static IReadOnlyList<TriageRuleChange>? Of(AuditEntry entry)
    {
        if (entry.Action is not ("triage.draft" or "triage.publish") || entry.Detail is null ||
            Language().Match(entry.Target ?? "") is not { Success: true } language)
        {
            return null;
        }

        var (before, after) = Sides(entry.Detail);
        return TriageRuleChanges.Compare(language.Groups[1].Value, before, after);
    }

    /// <summary>Both texts back from <see cref="TextDiff.ToText"/> of a line diff: parts joined by a space, added ones
    /// in {+…+}, removed ones in [-…-], each part whole lines.</summary>
    public static (string Before, string After) Sides(string detail)
    {
        var before = new List<string>();
        var after = new List<string>();
        var at = 0;
        foreach (Match m in Marked().Matches(detail))
        {
            AddSame(detail[at..m.Index], at > 0, true, before, after);
            (m.Groups["add"].Success ? after : before).Add(m.Groups[m.Groups["add"].Success ? "add" : "del"].Value);
            at = m.Index + m.Length;
        }

        AddSame(detail[at..], at > 0, false, before, after);
        return (string.Join('\n', before), string.Join('\n', after));
    }

    private static void AddSame(string text, bool afterMark, bool beforeMark, List<string> before, List<string> after)
    {
        // The single space that joined this part to a marked one is not part of the text.
        var same = afterMark && text.StartsWith(' ') ? text[1..] : text;
        same = beforeMark && same.EndsWith(' ') ? same[..^1] : same;
        if (same.Length > 0)
        {
            before.Add(same);
            after.Add(same);
        }
    }

    [GeneratedRegex(@"\{\+(?<add>.*?)\+\}|\[-(?<del>.*?)-\]", RegexOptions.Singleline)]
    private static partial Regex Marked();

    [GeneratedRegex(@"^triage/([a-z]{2,3}) ")]
    private static partial Regex Language();
}
