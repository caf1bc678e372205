namespace HealthBot.Content;

/// <summary>One parsed file of a content folder; <see cref="Item"/> is null for system.md, triage.md and files the loader rejected.</summary>
public sealed record ContentFile(string Language, string Path, ContentDocument Document, ContentItem? Item)
{
    public string Topic => System.IO.Path.GetFileNameWithoutExtension(Path);

    public bool IsSystem => System.IO.Path.GetFileName(Path) == ContentLoader.SystemFile;

    /// <summary>Danger-sign rules, checked by the safety feature that reads them; not a topic.</summary>
    public bool IsTriage => System.IO.Path.GetFileName(Path) == ContentLoader.TriageFile;

    public bool IsTopic => !IsSystem && !IsTriage;
}

/// <summary>
/// Every file of a content folder, parsed once and grouped by language, with the line-level information
/// (<see cref="ContentDocument"/>) that the <see cref="ContentLibrary"/> used at run time does not keep.
/// </summary>
public sealed record ContentFileSet(string Directory, IReadOnlyDictionary<string, IReadOnlyList<ContentFile>> ByLanguage)
{
    public int FileCount => ByLanguage.Values.Sum(files => files.Count);

    public IReadOnlyList<ContentFile> Files(string language) => ByLanguage.TryGetValue(language, out var files) ? files : [];

    public IEnumerable<ContentFile> Topics(string language) => Files(language).Where(f => f.IsTopic);

    public ContentFile? Find(string language, string topic) => Files(language).FirstOrDefault(f => f.Topic == topic);

    /// <summary>Parses every file, adding what the parser and loader report to <paramref name="errors"/>.</summary>
    public static ContentFileSet Read(string directory, List<ContentError> errors)
    {
        var byLanguage = new SortedDictionary<string, IReadOnlyList<ContentFile>>(StringComparer.Ordinal);
        foreach (var languageDir in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var language = System.IO.Path.GetFileName(languageDir);
            if (!ContentLoader.IsLanguageFolder(language))
            {
                continue;
            }

            var files = new List<ContentFile>();
            foreach (var path in System.IO.Directory.GetFiles(languageDir, "*.md").Order(StringComparer.Ordinal))
            {
                var document = ContentFileParser.Parse(path, File.ReadAllText(path));
                errors.AddRange(document.Errors);
                var file = new ContentFile(language, path, document, null);
                files.Add(file.IsTopic ? file with { Item = ContentLoader.ToItem(document, language, errors) } : file);
            }

            byLanguage[language] = files;
        }

        return new ContentFileSet(directory, byLanguage);
    }
}
