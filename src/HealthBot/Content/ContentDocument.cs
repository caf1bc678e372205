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

public sealed record Section(string Text, int Line, bool HasLengthComment);

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
