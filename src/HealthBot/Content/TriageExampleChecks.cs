using HealthBot.Safety;

namespace HealthBot.Content;

/// <summary>
/// The second opinion's labelled examples (content/triage-examples/*.tsv): each malformed row with its file and line,
/// and rows in a language the bot does not serve. A broken file turns the second opinion off when the bot loads it.
/// </summary>
internal static class TriageExampleChecks
{
    public static void Check(string directory, List<ContentFinding> findings)
    {
        var folder = Path.Combine(directory, TriageExamples.Folder);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            findings.AddRange(TriageExamples.Problems(file).Select(p => ContentValidator.Error(file, p.Line, p.Problem)));
            var languages = File.ReadLines(file).Select((l, i) => (Cells: l.Split('\t'), Line: i + 1))
                .Where(r => r.Cells.Length > 1 && !r.Cells[0].StartsWith('#') && r.Cells[0] != "lang"
                    && r.Cells[0].Length is 2 or 3 && !ContentValidator.RequiredLanguages.Contains(r.Cells[0]));
            findings.AddRange(languages.Select(r =>
                ContentValidator.Error(file, r.Line, $"unknown language '{r.Cells[0]}' (expected one of "
                    + $"{string.Join(", ", ContentValidator.RequiredLanguages)})")));
        }
    }
}
