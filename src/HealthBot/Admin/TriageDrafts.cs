using System.Globalization;
using System.Text.RegularExpressions;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Safety;

namespace HealthBot.Admin;

/// <summary>A triage draft the parser refuses: nothing is saved, and the page shows the parser's lines.</summary>
public sealed class DraftRefusedException(string message) : Exception(message);

/// <summary>A save whose text is the one it started from (the open draft's, or the served one when there is none):
/// nothing is written. <see cref="Open"/> is the open draft, which a "Submit for review" still submits.</summary>
public sealed class NothingChangedException(ContentEdit? open) : Exception("nothing changed")
{
    public ContentEdit? Open { get; } = open;
}

/// <summary>
/// A language's danger-sign rules edited in the workspace. Safety first: a draft is parsed exactly as the bot parses
/// triage.md, and any problem refuses it with its line; only a clean file reaches review.
/// </summary>
public sealed partial class TriageDrafts(ContentCatalog catalog, SqlContentEditStore edits)
{
    public bool HasRules(string language) =>
        ContentLoader.IsLanguageFolder(language) && catalog.Current.Triage.ContainsKey(language);

    /// <summary>The rules the bot serves now: a published edit when it is newer than the file, else the file.</summary>
    public string CurrentText(string language)
    {
        var document = catalog.Current.Triage.GetValueOrDefault(language);
        var published = edits.LatestPublished().FirstOrDefault(e => e.IsTriage && e.Language == language);
        if (published is not null && (document is null || published.Version >= DraftLibrary.VersionOf(document)))
        {
            return published.Web;
        }

        return document is not null && File.Exists(document.File) ? File.ReadAllText(document.File) : "";
    }

    public int CurrentVersion(string language) =>
        catalog.Current.Triage.GetValueOrDefault(language) is { } d ? DraftLibrary.VersionOf(d) : 0;

    /// <summary>Every problem the bot's parser finds, as <c>line N: message</c>; empty when the rules are sound.
    /// </summary>
    public static IReadOnlyList<string> Problems(string language, string text)
    {
        var document = ContentFileParser.Parse($"{language}/{ContentLoader.TriageFile}", text);
        var errors = document.Errors.ToList();
        if (errors.Count == 0)
        {
            var rules = TriageRuleSet.Parse(language, document, errors);
            if (errors.Count == 0 && rules.Rules.Count == 0)
            {
                errors.Add(new ContentError(
                    document.File, 1, "no danger-sign rule (## topic: or ## emergency:) is left"));
            }
        }

        return errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"line {e.Line}: {e.Message}")).ToList();
    }

    /// <summary>The text with its <c>version:</c> header set to the version it is saved as (added when missing).
    /// </summary>
    public static string WithVersion(string text, int version)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"version: {version}");
        return VersionLine().IsMatch(text)
            ? VersionLine().Replace(text, line, 1)
            : HeaderStart().Replace(text, $"---\n{line}\n", 1);
    }

    [GeneratedRegex("^version:.*$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex("^---\\n")]
    private static partial Regex HeaderStart();
}
