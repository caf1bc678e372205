namespace HealthBot.Admin;

public enum DiffOp
{
    Same,
    Added,
    Removed,
}

public sealed record DiffPart(DiffOp Op, string Text);

/// <summary>A word-level diff (longest common subsequence): content items are a few hundred words, so O(n·m) is cheap.</summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffPart> Words(string before, string after) => Diff(
        before.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        after.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        " ");

    /// <summary>Line by line, for the triage rules (a few hundred lines, but thousands of words).</summary>
    public static IReadOnlyList<DiffPart> Lines(string before, string after) =>
        Diff(before.TrimEnd('\n').Split('\n'), after.TrimEnd('\n').Split('\n'), "\n");

    /// <summary>
    /// Only what changed, one entry per changed place: lines first (a triage file has thousands of words), then the
    /// changed lines word by word. The conflict page shows a person their own change without the whole file.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<DiffPart>> Changes(string before, string after)
    {
        var lines = Lines(before.Replace("\r\n", "\n", StringComparison.Ordinal),
            after.Replace("\r\n", "\n", StringComparison.Ordinal));
        var changes = new List<IReadOnlyList<DiffPart>>();
        for (var i = 0; i < lines.Count; i++)
        {
            // A changed line comes out as its new text then its old one (the walk prefers an addition on a tie), or
            // the other way round: either pair is one place, diffed word by word, so a person sees the word they
            // changed rather than the whole line twice.
            if (i + 1 < lines.Count && lines[i].Op != DiffOp.Same && lines[i + 1].Op != DiffOp.Same
                && lines[i].Op != lines[i + 1].Op)
            {
                var (removed, added) = lines[i].Op == DiffOp.Removed
                    ? (lines[i], lines[i + 1])
                    : (lines[i + 1], lines[i]);
                changes.Add(Words(removed.Text.Replace('\n', ' '), added.Text.Replace('\n', ' ')));
                i++;
            }
            else if (lines[i].Op != DiffOp.Same)
            {
                changes.Add([lines[i] with { Text = lines[i].Text.Replace('\n', ' ').Trim() }]);
            }
        }

        return changes;
    }

    private static List<DiffPart> Diff(string[] a, string[] b, string separator)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var parts = new List<DiffPart>();
        var (x, y) = (0, 0);
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Add(parts, DiffOp.Same, a[x++], separator);
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                Add(parts, DiffOp.Added, b[y++], separator);
            }
            else
            {
                Add(parts, DiffOp.Removed, a[x++], separator);
            }
        }

        return parts;
    }

    /// <summary>A plain-text rendering for the audit log: [-removed-] {+added+}.</summary>
    public static string ToText(IReadOnlyList<DiffPart> parts) => string.Join(' ', parts.Select(p => p.Op switch
    {
        DiffOp.Added => "{+" + p.Text + "+}",
        DiffOp.Removed => "[-" + p.Text + "-]",
        _ => p.Text,
    }));

    private static void Add(List<DiffPart> parts, DiffOp op, string word, string separator)
    {
        if (parts.Count > 0 && parts[^1].Op == op)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + separator + word };
        }
        else
        {
            parts.Add(new DiffPart(op, word));
        }
    }
}
