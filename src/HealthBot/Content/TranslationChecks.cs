using System.Globalization;
using static HealthBot.Content.ContentValidator;

namespace HealthBot.Content;

/// <summary>Every English topic exists in every language, and no translation is older than its English source.</summary>
internal static class TranslationChecks
{
    public static void Check(ContentFileSet set, List<ContentFinding> findings)
    {
        foreach (var language in RequiredLanguages.Where(l => !set.ByLanguage.ContainsKey(l)))
        {
            findings.Add(Error(Path.Combine(set.Directory, language), 0,
                $"missing language folder '{language}': every one of {string.Join(", ", RequiredLanguages)} is required"));
        }

        if (!set.ByLanguage.ContainsKey(SourceLanguage))
        {
            return; // without English there is no topic list or version to compare with
        }

        var topics = set.Topics(SourceLanguage).Select(f => f.Topic).ToHashSet(StringComparer.Ordinal);
        foreach (var language in set.ByLanguage.Keys.Where(l => l != SourceLanguage))
        {
            if (RequiredLanguages.Contains(language))
            {
                CheckCoverage(set, language, topics, findings);
            }

            foreach (var file in set.Files(language).Where(f => !f.IsTriage))
            {
                CheckUnknownTopic(file, topics, findings);
                CheckSourceVersion(file, set.Find(SourceLanguage, file.Topic), findings);
                NumberChecks.Check(file, set.Find(SourceLanguage, file.Topic), findings);
            }
        }
    }

    private static void CheckCoverage(ContentFileSet set, string language, HashSet<string> topics, List<ContentFinding> findings)
    {
        foreach (var topic in topics.Order(StringComparer.Ordinal).Where(t => set.Find(language, t) is null))
        {
            findings.Add(Error(Path.Combine(set.Directory, language, topic + ".md"), 0, $"missing translation of {topic}"));
        }
    }

    private static void CheckUnknownTopic(ContentFile file, HashSet<string> topics, List<ContentFinding> findings)
    {
        var id = file.Item?.Id ?? file.Topic;
        if (file.IsTopic && !topics.Contains(id))
        {
            findings.Add(Error(file.Path, file.Document.LineOf("id"),
                $"'{id}' is not an English topic (there is no {SourceLanguage}/{id}.md); topics are defined by the English folder"));
        }
    }

    /// <summary>A translation says which English version it was made from; an older one no longer says what English says.</summary>
    private static void CheckSourceVersion(ContentFile file, ContentFile? english, List<ContentFinding> findings)
    {
        if (english is null || WholeNumber(english.Document.Get("version")) is not { } englishVersion)
        {
            return;
        }

        var doc = file.Document;
        var text = doc.Get("source_version");
        var sourceVersion = WholeNumber(text);
        if (text is null)
        {
            findings.Add(Error(file.Path, doc.LineOf("version"),
                $"'source_version' is missing: write the English version this was translated from (English is version {englishVersion})"));
        }
        else if (sourceVersion < englishVersion)
        {
            findings.Add(Error(file.Path, doc.LineOf("source_version"),
                $"stale translation: translated from English version {sourceVersion}, but English is now version {englishVersion}; update the text and set source_version: {englishVersion}"));
        }
        else if (sourceVersion > englishVersion)
        {
            findings.Add(Error(file.Path, doc.LineOf("source_version"),
                $"'source_version' is {sourceVersion}, but English is only at version {englishVersion}"));
        }
    }

    private static int? WholeNumber(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
