using HealthBot.Content;

namespace HealthBot.Admin;

/// <summary>One danger-sign rule a triage draft adds, removes or changes, with the signs it gains or loses.</summary>
public sealed record TriageRuleChange(
    string Name, string Kind, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    /// <summary>People who describe what this rule caught stop getting the urgent referral.</summary>
    public bool LosesReferrals => Kind == "removed" || Removed.Count > 0;
}

/// <summary>
/// What a triage draft changes, rule by rule: both texts are parsed as the bot parses them and their
/// <c>## topic:</c>/<c>## emergency:</c> sections compared by name, signs and <c>combine:</c> lines. A line diff of a
/// 600-line file hides a deleted emergency 300 lines down; this summary names it first.
/// </summary>
public static class TriageRuleChanges
{
    public static IReadOnlyList<TriageRuleChange> Compare(string language, string before, string after)
    {
        var old = Rules(language, before);
        var now = Rules(language, after);
        var changes = new List<TriageRuleChange>();
        foreach (var (name, signs) in old)
        {
            if (!now.TryGetValue(name, out var newSigns))
            {
                changes.Add(new(name, "removed", [], signs.Order(StringComparer.Ordinal).ToList()));
                continue;
            }

            var added = newSigns.Except(signs).Order(StringComparer.Ordinal).ToList();
            var removed = signs.Except(newSigns).Order(StringComparer.Ordinal).ToList();
            if (added.Count + removed.Count > 0)
            {
                changes.Add(new(name, "changed", added, removed));
            }
        }

        changes.AddRange(now.Where(r => !old.ContainsKey(r.Key))
            .Select(r => new TriageRuleChange(r.Key, "added", r.Value.Order(StringComparer.Ordinal).ToList(), [])));
        return changes;
    }

    /// <summary>Each rule's name ("emergency: convulsions") with its signs and combinations ("combine: fall + shake").
    /// </summary>
    private static Dictionary<string, HashSet<string>> Rules(string language, string text)
    {
        var document = ContentFileParser.Parse($"{language}/{ContentLoader.TriageFile}", text);
        var rules = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, section) in document.Sections)
        {
            if (!name.StartsWith("topic:", StringComparison.Ordinal)
                && !name.StartsWith("emergency:", StringComparison.Ordinal))
            {
                continue;
            }

            var entries = rules.TryGetValue(name, out var known) ? known : rules[name] = new(StringComparer.Ordinal);
            foreach (var line in section.Text.Split('\n'))
            {
                var colon = line.IndexOf(':');
                var key = colon < 0 ? "" : line[..colon].Trim().ToLowerInvariant();
                if (key is "signs" or "sign")
                {
                    entries.UnionWith(line[(colon + 1)..].Split('|').Select(s => s.Trim()).Where(s => s.Length > 0));
                }
                else if (key == "combine")
                {
                    entries.UnionWith(line[(colon + 1)..].Split('|').Select(s => s.Trim()).Where(s => s.Length > 0)
                        .Select(c => "combine: " + c));
                }
            }
        }

        return rules;
    }
}
