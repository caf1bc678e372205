using System.Globalization;
using System.Text.RegularExpressions;
using HealthBot.Content;

namespace HealthBot.Admin;

/// <summary>
/// Writes items published in the workspace back to <c>content/&lt;lang&gt;/&lt;id&gt;.md</c>, so a git-based workflow sees every
/// change. Only the workflow's fields are rewritten (title, version, status, reviewer, source version, keywords,
/// examples, the sms and web sections); sources and tags stay as the file has them.
/// </summary>
public static class ContentExporter
{
    public static string Export(ContentItem item, ContentItem? template, string directory)
    {
        if (!ContentWorkflow.IsSupportedLanguage(item.Language))
        {
            // content/<lang>/ is what the catalog loads: a folder for another language would add one to the bot.
            throw new ArgumentException($"'{item.Language}' is not one of the service's languages", nameof(item));
        }

        var path = Path.Combine(directory, item.Language, item.Id + ".md");
        var text = File.Exists(path) ? File.ReadAllText(path)
            : template is not null && File.Exists(template.File) ? File.ReadAllText(template.File)
            : throw new FileNotFoundException($"no file to base {item.Id}/{item.Language} on");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Rewrite(text.Replace("\r\n", "\n", StringComparison.Ordinal), item));
        return path;
    }

    public static string Rewrite(string text, ContentItem item)
    {
        text = Field(text, "language", item.Language);
        text = Field(text, "title", item.Title);
        text = Field(text, "version", item.Version.ToString(CultureInfo.InvariantCulture));
        text = Field(text, "status", item.Status);
        text = Field(text, "reviewed_by", item.ReviewedBy ?? "");
        text = Field(text, "reviewed_on", item.ReviewedOn ?? "");
        if (item.SourceVersion is { } source)
        {
            text = FieldPattern("source_version").IsMatch(text)
                ? Field(text, "source_version", source.ToString(CultureInfo.InvariantCulture))
                : FieldPattern("version").Replace(text, m => m.Value + $"\nsource_version: {source}", 1);
        }

        // Keywords and examples are edited in the workspace too: without them here, the exported file (same version)
        // would win over the published edit and bring back the old ones.
        text = Field(text, "keywords", $"[{string.Join(", ", item.Keywords)}]");
        text = List(text, "examples", item.Examples);
        text = Section(text, "sms", item.Sms);
        return Section(text, "web", item.Web).TrimEnd('\n') + "\n";
    }

    private static string Field(string text, string key, string value) =>
        FieldPattern(key).Replace(text, $"{key}: {value.Replace("$", "$$", StringComparison.Ordinal)}".TrimEnd(), 1);

    /// <summary>A <c>- item</c> list (or an inline one) replaced by the items, one a line.</summary>
    private static string List(string text, string key, IReadOnlyList<string> items)
    {
        var pattern = new Regex($"^{Regex.Escape(key)}:.*\\n(?:[ \\t]+- .*\\n?)*", RegexOptions.Multiline);
        var lines = string.Concat(items.Select(i => $"  - {i}\n"));
        return pattern.Replace(text, _ => $"{key}:\n{lines}", 1);
    }

    private static Regex FieldPattern(string key) => new($"^{Regex.Escape(key)}:.*$", RegexOptions.Multiline);

    private static string Section(string text, string name, string body)
    {
        var match = new Regex($"^## {name}\\n(.*?)(?=^## |\\z)", RegexOptions.Multiline | RegexOptions.Singleline).Match(text);
        var replacement = $"## {name}\n{body.Trim()}\n\n";
        return match.Success ? text[..match.Index] + replacement + text[(match.Index + match.Length)..].TrimStart('\n') : text.TrimEnd() + "\n\n" + replacement;
    }
}
