using System.Text.RegularExpressions;
using HealthBot.Content;

namespace HealthBot.Llm;

/// <summary>
/// The model's instruction from <c>content/prompts/system.md</c> (or <c>system.&lt;language&gt;.md</c>), read again
/// when the file changes, with staff comments removed.
/// </summary>
public sealed partial class PromptLibrary(ContentCatalog catalog)
{
    private readonly Lock cacheLock = new();
    private readonly Dictionary<string, (DateTime Written, string Text)> cache = new(StringComparer.Ordinal);

    public string Directory => Path.Combine(catalog.Directory, "prompts");

    /// <summary>The instruction template for a language, or null when no prompt file exists.</summary>
    public string? SystemTemplate(string language)
    {
        var path = new[] { $"system.{language}.md", "system.md" }.Select(n => Path.Combine(Directory, n)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }

        var written = File.GetLastWriteTimeUtc(path);
        lock (cacheLock)
        {
            if (cache.TryGetValue(path, out var cached) && cached.Written == written)
            {
                return cached.Text;
            }

            var text = Comment().Replace(File.ReadAllText(path), string.Empty).Trim();
            cache[path] = (written, text);
            return text;
        }
    }

    [GeneratedRegex(@"<!--.*?-->\s*", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
