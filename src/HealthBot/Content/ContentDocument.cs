namespace HealthBot.Content;

/// <summary>A problem in a content file, reported as <c>file:line: message</c> so staff can find it.</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

public sealed record FieldValue(string? Scalar, IReadOnlyList<string>? List, int Line)
{
    public IReadOnlyList<string> Items => List ?? (string.IsNullOrWhiteSpace(Scalar) ? [] : [Scalar]);
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
}
