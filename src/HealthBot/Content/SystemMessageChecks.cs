using static HealthBot.Content.ContentValidator;

namespace HealthBot.Content;

/// <summary>Every language has the bot's fixed messages, and the emergency message keeps its placeholders.</summary>
internal static class SystemMessageChecks
{
    public static IReadOnlyList<string> RequiredSections { get; } =
        ["greeting", "help", "not_understood", "out_of_scope", "referral", "urgent_referral", "opt_out", "opt_in", "language_changed"];

    /// <summary>Filled in from the deployment's settings when the message is sent; without them the message sends people nowhere.</summary>
    private static readonly string[] UrgentPlaceholders = ["{emergency_number}", "{facility}"];

    public static void Check(ContentFileSet set, List<ContentFinding> findings)
    {
        foreach (var language in set.ByLanguage.Keys)
        {
            var file = set.Files(language).FirstOrDefault(f => f.IsSystem);
            if (file is null)
            {
                findings.Add(Error(Path.Combine(set.Directory, language, ContentLoader.SystemFile), 0,
                    $"missing {ContentLoader.SystemFile}: the bot's fixed messages in this language"));
                continue;
            }

            CheckSections(file, findings);
        }
    }

    private static void CheckSections(ContentFile file, List<ContentFinding> findings)
    {
        var sections = file.Document.Sections;
        foreach (var name in RequiredSections)
        {
            if (!sections.TryGetValue(name, out var section))
            {
                findings.Add(Error(file.Path, 1, $"missing section '## {name}'"));
            }
            else if (section.Text.Length == 0)
            {
                findings.Add(Error(file.Path, section.Line, $"section '## {name}' is empty"));
            }
        }

        if (sections.TryGetValue("urgent_referral", out var urgent))
        {
            foreach (var placeholder in UrgentPlaceholders.Where(p => !urgent.Text.Contains(p, StringComparison.Ordinal)))
            {
                findings.Add(Error(file.Path, urgent.Line, $"'## urgent_referral' must contain {placeholder}"));
            }
        }
    }
}
