namespace HealthBot.Admin;

/// <summary>Keywords and examples as the editor writes them: one a line, blank lines and repeats dropped.</summary>
public static class EditLines
{
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    public static string Join(IEnumerable<string> lines) => string.Join('\n', lines);

    /// <summary>On one line, comma-separated, for a word diff (a keyword may have several words).</summary>
    public static string Inline(string? text) => string.Join(", ", Split(text));

    /// <summary>Null stays null (the form did not send the field: keep what is there); text is tidied.</summary>
    public static string? Normalize(string? posted) => posted is null ? null : Join(Split(posted));
}
