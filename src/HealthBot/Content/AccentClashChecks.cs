using HealthBot.Sms;

namespace HealthBot.Content;

/// <summary>
/// Warns about every SMS text (a topic's <c>## sms</c>, a system message) holding a word that folding to GSM-7 would
/// turn into another word (<see cref="AccentClashes"/>). Such a text is sent unfolded as UCS-2, so it costs more;
/// another word or phrasing lets it go as GSM-7 again.
/// </summary>
internal static class AccentClashChecks
{
    public static void Check(ContentFileSet set, List<ContentFinding> findings)
    {
        foreach (var file in set.ByLanguage.Values.SelectMany(files => files))
        {
            var sections = file.IsSystem ? file.Document.Sections.Values
                : file.IsTopic && file.Document.Sections.TryGetValue("sms", out var sms) ? [sms]
                : (IEnumerable<Section>?)null;
            if (sections is null || ContentValidator.IsDevanagari(file.Language))
            {
                continue;
            }

            string[]? lines = null;
            foreach (var section in sections)
            {
                var clashes = SmartEncoding.FoldClashes(section.Text, file.Language);
                if (clashes.Count == 0)
                {
                    continue;
                }

                lines ??= File.ReadAllLines(file.Path);
                var info = SmsSegments.Analyze(SmartEncoding.FoldToGsm(section.Text, file.Language));
                var cost = $"{info.Segments} {info.EncodingName} segment{(info.Segments == 1 ? "" : "s")}";
                foreach (var (word, folded) in clashes.DistinctBy(c => c.Word))
                {
                    findings.Add(ContentFinding.Warning(file.Path, LineOf(lines, section.Line, word),
                        $"'{word}' would read '{folded}' without its accent, so this SMS is sent unfolded as {cost}; " +
                        "another word keeps it GSM-7"));
                }
            }
        }
    }

    /// <summary>The first line at or after the section heading that holds the word, else the heading's line.</summary>
    private static int LineOf(string[] lines, int headingLine, string word)
    {
        for (var i = headingLine; i < lines.Length; i++)
        {
            if (i > headingLine && lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                break;
            }

            if (lines[i].Contains(word, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return headingLine;
    }
}
