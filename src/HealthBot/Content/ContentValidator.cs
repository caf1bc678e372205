namespace HealthBot.Content;

/// <summary>
/// <c>healthbot content validate</c>: everything the loader reports, plus the checks that need the whole folder at
/// once (every topic in every language, stale translations, SMS budgets, numbers, duplicated examples, system
/// messages). Findings name a file and line so that staff who are not developers can fix them.
/// </summary>
public static class ContentValidator
{
    /// <summary>English is the source language: its folder defines the topics, and translations follow its versions.</summary>
    public const string SourceLanguage = "en";

    public static IReadOnlyList<string> RequiredLanguages { get; } = ["en", "fr", "sw", "pt", "hi"];

    /// <summary>Hindi is written in Devanagari and sent as UCS-2; the other languages use the Latin script and GSM-7.</summary>
    public static bool IsDevanagari(string language) => language == "hi";

    public static ContentValidationReport Validate(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new ContentValidationReport([new ContentFinding(new ContentError(directory, 0, "the content folder does not exist"))], 0, 0);
        }

        var errors = new List<ContentError>();
        var set = ContentFileSet.Read(directory, errors);
        var findings = errors.Select(e => new ContentFinding(e)).ToList();
        CheckFields(set, findings);
        TranslationChecks.Check(set, findings);
        SystemMessageChecks.Check(set, findings);
        SmsBudgetChecks.Check(set, findings);
        AccentClashChecks.Check(set, findings);
        RegisterChecks.Check(set, findings);
        ExampleChecks.Check(set, findings);
        TriageExampleChecks.Check(directory, findings);
        var sorted = findings.OrderBy(f => f.Error.File, StringComparer.Ordinal).ThenBy(f => f.Error.Line).ToList();
        return new ContentValidationReport(sorted, set.FileCount, set.ByLanguage.Count);
    }

    /// <summary>Fields the loader tolerates (the bot can answer without them) but a reviewed item must have.</summary>
    private static void CheckFields(ContentFileSet set, List<ContentFinding> findings)
    {
        foreach (var file in set.ByLanguage.Keys.SelectMany(set.Topics))
        {
            var doc = file.Document;
            foreach (var (key, why) in new[] { ("sources", "the WHO guidance this text follows"), ("keywords", "words people use for this topic"), ("examples", "ways people ask") })
            {
                if (doc.GetList(key).Count == 0)
                {
                    findings.Add(Error(file.Path, doc.LineOf(key), $"'{key}' needs at least one entry: {why}"));
                }
            }

            if (string.IsNullOrWhiteSpace(doc.Get("reviewed_by")))
            {
                findings.Add(Error(file.Path, doc.LineOf("reviewed_by"), "'reviewed_by' is required: the clinician who approved this version"));
            }
        }
    }

    internal static ContentFinding Error(string file, int line, string message) => new(new ContentError(file, line, message));
}
