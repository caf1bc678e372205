using System.Text;
using System.Text.RegularExpressions;

namespace HealthBot.Content;

/// <summary>
/// Parses the content file format documented in content/README.md: a small YAML-like header
/// (scalars, <c>[a, b]</c> lists and <c>- item</c> lists) between <c>---</c> lines, then <c>## name</c> sections.
/// Hand-written so that every error can name its line for staff who are not developers.
/// </summary>
public static partial class ContentFileParser
{
    public static ContentDocument Parse(string file, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var errors = new List<ContentError>();
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            errors.Add(new ContentError(file, 1, "the file must start with a '---' line (the header)"));
            return new ContentDocument(file, fields, sections, errors);
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            errors.Add(new ContentError(file, 1, "the header has no closing '---' line"));
            return new ContentDocument(file, fields, sections, errors);
        }

        ParseHeader(file, lines, end, fields, errors);
        ParseSections(file, lines, end + 1, sections, errors);
        return new ContentDocument(file, fields, sections, errors);
    }

    private static void ParseHeader(string file, string[] lines, int end, Dictionary<string, FieldValue> fields, List<ContentError> errors)
    {
        string? listKey = null;
        for (var i = 1; i < end; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var item = ListItem().Match(line);
            if (item.Success && listKey is not null)
            {
                var existing = fields[listKey];
                fields[listKey] = existing with
                {
                    List = [.. existing.List ?? [], Unquote(item.Groups[1].Value)],
                    ItemLines = [.. existing.ItemLines ?? [], i + 1],
                };
                continue;
            }

            var field = Field().Match(line);
            if (!field.Success)
            {
                errors.Add(new ContentError(file, i + 1, $"cannot read this header line: expected 'key: value' or '  - item', got '{Shorten(line)}'"));
                continue;
            }

            var key = field.Groups[1].Value;
            var value = field.Groups[2].Value.Trim();
            if (fields.ContainsKey(key))
            {
                errors.Add(new ContentError(file, i + 1, $"'{key}' appears twice in the header"));
            }

            listKey = value.Length == 0 ? key : null;
            fields[key] = value.StartsWith('[') && value.EndsWith(']')
                ? new FieldValue(null, SplitInline(value[1..^1]), i + 1)
                : new FieldValue(value.Length == 0 ? null : Unquote(value), value.Length == 0 ? [] : null, i + 1);
        }
    }

    private static void ParseSections(string file, string[] lines, int start, Dictionary<string, Section> sections, List<ContentError> errors)
    {
        string? name = null;
        var startLine = 0;
        var body = new StringBuilder();
        void Flush()
        {
            if (name is null)
            {
                return;
            }

            var raw = body.ToString();
            var hasComment = raw.Contains("<!--", StringComparison.Ordinal);
            var text = Comment().Replace(raw, string.Empty).Trim();
            var section = new Section(text, startLine, hasComment) { Body = raw.Split('\n')[..^1] };
            if (!sections.TryAdd(name, section))
            {
                errors.Add(new ContentError(file, startLine, $"section '## {name}' appears twice"));
            }
        }

        var inComment = false;
        for (var i = start; i < lines.Length; i++)
        {
            // Comments for staff may stand before the first section.
            if (name is null && (inComment || lines[i].TrimStart().StartsWith("<!--", StringComparison.Ordinal)))
            {
                inComment = !lines[i].Contains("-->", StringComparison.Ordinal);
                continue;
            }

            var heading = Heading().Match(lines[i]);
            if (heading.Success)
            {
                Flush();
                name = heading.Groups[1].Value.Trim().ToLowerInvariant();
                startLine = i + 1;
                body.Clear();
            }
            else if (name is not null)
            {
                body.Append(lines[i]).Append('\n');
            }
            else if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                errors.Add(new ContentError(file, i + 1, "text after the header must be inside a '## section'"));
            }
        }

        Flush();
    }

    private static List<string> SplitInline(string value) =>
        value.Split(',').Select(v => Unquote(v.Trim())).Where(v => v.Length > 0).ToList();

    private static string Unquote(string value)
    {
        value = value.Trim();
        return value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;
    }

    private static string Shorten(string line) => line.Length > 60 ? line[..60] + "…" : line;

    [GeneratedRegex(@"^\s+-\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s*:(.*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"^##\s+(\S.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
