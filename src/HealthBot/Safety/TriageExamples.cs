namespace HealthBot.Safety;

/// <summary>A labelled message: whether it describes an emergency happening now.</summary>
public sealed record TriageExample(string Language, bool Urgent, string Text);

/// <summary>
/// Reads the labelled messages of <c>content/triage-examples/*.tsv</c> (see its README.md: sample data awaiting
/// clinical review). Each file's header names its columns; <c>lang</c>, <c>urgent</c> (yes|no) and <c>text</c> are
/// read, any others (topic) are ignored. Lines starting with <c>#</c> are comments.
/// </summary>
public static class TriageExamples
{
    public const string Folder = "triage-examples";

    /// <summary>Every example of the folder; none when the content has no such folder.</summary>
    /// <exception cref="InvalidDataException">A row that cannot be read, with its file and line.</exception>
    public static IReadOnlyList<TriageExample> Load(string contentDirectory)
    {
        var folder = Path.Combine(contentDirectory, Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal).SelectMany(Read).ToList();
    }

    /// <summary>The folder and each example file's name, size and time of change: what a trained model depends on.</summary>
    public static string Fingerprint(string contentDirectory)
    {
        var folder = Path.GetFullPath(Path.Combine(contentDirectory, Folder));
        string[] files = Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal)] : [];
        var stamps = files.Select(f => new FileInfo(f)).Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}");
        return string.Join('|', stamps.Prepend(folder));
    }

    public static IEnumerable<TriageExample> Read(string file)
    {
        foreach (var (line, example, problem) in Rows(file))
        {
            yield return example ?? throw new InvalidDataException($"{file}:{line}: {problem}");
        }
    }

    /// <summary>Every row that cannot be read, with its line: for <c>healthbot content validate</c>.</summary>
    public static IEnumerable<(int Line, string Problem)> Problems(string file) =>
        Rows(file).Where(r => r.Problem is not null).Select(r => (r.Line, r.Problem!));

    private static IEnumerable<(int Line, TriageExample? Example, string? Problem)> Rows(string file)
    {
        var lines = File.ReadAllLines(file);
        string[]? header = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var cells = lines[i].Split('\t');
            if (header is null)
            {
                header = cells;
                if (!new[] { "lang", "urgent", "text" }.All(header.Contains))
                {
                    yield return (i + 1, null, "the header must name the columns lang, urgent and text (tab-separated)");
                    yield break;
                }

                continue;
            }

            var (example, problem) = Row(header, cells);
            yield return (i + 1, example, problem);
        }
    }

    private static (TriageExample? Example, string? Problem) Row(string[] header, string[] cells)
    {
        if (cells.Length != header.Length)
        {
            return (null, $"{cells.Length} columns, the header has {header.Length}");
        }

        var language = cells[Array.IndexOf(header, "lang")];
        var urgent = cells[Array.IndexOf(header, "urgent")];
        var text = cells[Array.IndexOf(header, "text")];
        return language.Length is < 2 or > 3 || urgent is not ("yes" or "no") || text.Trim().Length == 0
            ? (null, $"want a language code, urgent yes|no and a text, got '{language}', '{urgent}'")
            : (new TriageExample(language, urgent == "yes", text), null);
    }
}
