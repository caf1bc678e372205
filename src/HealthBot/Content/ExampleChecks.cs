using HealthBot.Dialog;
using static HealthBot.Content.ContentValidator;

namespace HealthBot.Content;

/// <summary>
/// The same example question in two topics teaches the matcher two answers for one question. Examples are
/// compared as the bot compares messages: lower case, without accents, punctuation and extra spaces.
/// </summary>
internal static class ExampleChecks
{
    public static void Check(ContentFileSet set, List<ContentFinding> findings)
    {
        foreach (var language in set.ByLanguage.Keys)
        {
            var seen = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
            foreach (var file in set.Topics(language))
            {
                var examples = file.Document.GetList("examples");
                for (var i = 0; i < examples.Count; i++)
                {
                    var key = string.Join(' ', TextNormalizer.Normalize(examples[i]).Tokens);
                    var line = file.Document.LineOfItem("examples", i);
                    if (key.Length == 0)
                    {
                        continue;
                    }

                    if (!seen.TryAdd(key, (file.Path, line)) && seen[key].File != file.Path)
                    {
                        var (otherFile, otherLine) = seen[key];
                        findings.Add(Error(file.Path, line, $"example '{examples[i]}' is also in {otherFile}:{otherLine}; keep it in one topic only"));
                    }
                }
            }
        }
    }
}
