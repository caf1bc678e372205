using System.Text;
using System.Text.RegularExpressions;
using static HealthBot.Content.ContentValidator;

namespace HealthBot.Content;

/// <summary>
/// A language with regional registers (<see cref="LanguageRegisters"/>) declares the one this deployment writes in
/// (<c>register:</c> in its <c>system.md</c>), and what people read (titles, the <c>sms</c> and <c>web</c> answers,
/// the fixed messages) keeps to it. Keywords and examples are what people write, so they may hold both.
/// </summary>
internal static class RegisterChecks
{
    public static void Check(ContentFileSet set, List<ContentFinding> findings)
    {
        foreach (var language in set.ByLanguage.Keys)
        {
            var registers = LanguageRegisters.Of(language);
            if (registers.Count == 0 || set.Files(language).FirstOrDefault(f => f.IsSystem) is not { } system)
            {
                continue;
            }

            var choices = string.Join(" or ", registers.Select(r => $"'{r}' ({LanguageRegisters.Place(language, r)})"));
            var register = system.Document.Get("register");
            if (register is null)
            {
                findings.Add(ContentFinding.Warning(system.Path, 1,
                    $"say which register this language is written in: add 'register:' to the header with {choices}"));
                continue;
            }

            if (!registers.Contains(register))
            {
                findings.Add(Error(system.Path, system.Document.LineOf("register"),
                    $"unknown register '{register}': use {choices}"));
                continue;
            }

            var foreign = LanguageRegisters.Foreign(language, register).ToList();
            var place = LanguageRegisters.Place(language, register);
            foreach (var file in set.Files(language).Where(f => !f.IsTriage))
            {
                CheckFile(file, foreign, $"this content is written for {place} (register: {register})", findings);
            }
        }
    }

    private static void CheckFile(
        ContentFile file, List<RegisterWord> foreign, string why, List<ContentFinding> findings)
    {
        var lines = File.ReadAllLines(file.Path);
        var read = Enumerable.Range(0, lines.Length).Where(i => IsRead(file, lines, i));
        foreach (var i in read)
        {
            var line = lines[i].Normalize(NormalizationForm.FormC);
            // "preservativo (camisinha)": a gloss right after the register's own word helps and is not a slip.
            var slips = foreign.Where(w => Holds(line, w.Word)
                && !line.Contains($"{w.Instead} ({w.Word})", StringComparison.OrdinalIgnoreCase));
            foreach (var word in slips)
            {
                findings.Add(ContentFinding.Warning(file.Path, i + 1,
                    $"'{word.Word}' is how {LanguageRegisters.Place(file.Language, word.Register)} writes it; {why}: " +
                    $"write '{word.Instead}'"));
            }
        }
    }

    /// <summary>Whether line <paramref name="i"/> is text people read: the title, or a line of a section.</summary>
    private static bool IsRead(ContentFile file, string[] lines, int i)
    {
        if (file.IsTopic && file.Document.Fields.ContainsKey("title") && file.Document.LineOf("title") == i + 1)
        {
            return true;
        }

        var sections = file.Document.Sections.Where(s => file.IsSystem || s.Key is "sms" or "web");
        return sections.Any(s => i + 1 > s.Value.Line && i + 1 <= EndOf(lines, s.Value.Line))
            && !lines[i].TrimStart().StartsWith("<!--", StringComparison.Ordinal);
    }

    private static int EndOf(string[] lines, int headingLine)
    {
        var end = headingLine;
        while (end < lines.Length && !lines[end].StartsWith("## ", StringComparison.Ordinal))
        {
            end++;
        }

        return end;
    }

    /// <summary>The word alone (not inside another); all-capital words (SIDA, AIDS) match only in capitals.</summary>
    private static bool Holds(string line, string word)
    {
        var options = word.Any(char.IsLower) ? RegexOptions.IgnoreCase : RegexOptions.None;
        return Regex.IsMatch(line, $@"(?<![\p{{L}}\p{{M}}]){Regex.Escape(word)}(?![\p{{L}}\p{{M}}])",
            options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
