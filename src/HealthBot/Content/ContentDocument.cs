namespace HealthBot.Content;

/// <summary>A problem in a content file, reported as <c>file:line: message</c> so staff can find it.</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>
/// A header value. <paramref name="ItemLines"/> holds the line of each <c>- item</c> of a list, so that a finding about
/// one example can name its own line; inline <c>[a, b]</c> items share the field's line.
/// </summary>
public sealed record FieldValue(string? Scalar, IReadOnlyList<string>? List, int Line, IReadOnlyList<int>? ItemLines = null)
{
    public IReadOnlyList<string> Items => List ?? (string.IsNullOrWhiteSpace(Scalar) ? [] : [Scalar]);

    public int LineOfItem(int index) => ItemLines is { } lines && index < lines.Count ? lines[index] : Line;
}

public sealed record Section(string Text, int Line, bool HasLengthComment)
{
    /// <summary>The section's lines as written (comments kept), the first one at <see cref="Line"/> + 1, so a problem
    /// in one of them can name its own line.</summary>
    public IReadOnlyList<string> Body { get; init; } = [];

    /// <summary>The line of the first <c>key:</c> line (containing <paramref name="word"/> when given, else the first
    /// of them), or the heading's line when none is found.</summary>
    public int LineOfKey(string key, string? word = null)
    {
        var lines = Body.Select((text, i) => (Text: text.Trim(), Line: Line + 1 + i))
            .Where(l => l.Text.StartsWith(key, StringComparison.OrdinalIgnoreCase) &&
                l.Text[key.Length..].TrimStart().StartsWith(':'))
            .ToList();
        var match = lines.FirstOrDefault(l => word is not null && l.Text.Contains(word, StringComparison.Ordinal));
        return match.Line > 0 ? match.Line : lines.Count > 0 ? lines[0].Line : Line;
    }
}

/// <summary>A parsed content file: a front-matter header and <c>## name</c> sections.</summary>
public sealed record ContentDocument(
    string File,
    IReadOnlyDictionary<string, FieldValue> Fields,
    IReadOnlyDictionary<string, Section> Sections,
    IReadOnlyList<ContentError> Errors)
{
    public string? Get(string key) => Fields.TryGetValue(key, out var v) ? v.Scalar : null;

    public IReadOnlyList<string> GetList(string key) => Fields.TryGetValue(key, out var v) ? v.Items : [];

    public int LineOf(string key) => Fields.TryGetValue(key, out var v) ? v.Line : 1;

    public int LineOfItem(string key, int index) => Fields.TryGetValue(key, out var v) ? v.LineOfItem(index) : 1;
}
