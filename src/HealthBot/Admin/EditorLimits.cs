using System.Globalization;

namespace HealthBot.Admin;

/// <summary>
/// How long one field of a workspace editor may be. A longer one is refused on the form itself (HTTP 400 naming the
/// field, its length and the limit) before anything is saved, with every field still as it was typed.
/// </summary>
public static class EditorLimits
{
    /// <summary>Title, SMS and web text, keywords, examples: ten times the longest answer there is (~1,600).</summary>
    public const int TextChars = 16_384;

    /// <summary>A language's whole triage.md (the longest, Hindi, is ~40,000 characters).</summary>
    public const int TriageChars = 262_144;

    /// <summary>The first field longer than <paramref name="limit"/>, as a sentence for the form; null when all fit.
    /// </summary>
    public static string? TooLong(int limit, params (string Label, string? Text)[] fields) => fields
        .Where(f => (f.Text?.Length ?? 0) > limit)
        .Select(f => string.Format(CultureInfo.InvariantCulture,
            "{0} is {1} characters long; the limit is {2}. Nothing was saved: shorten it and save again.",
            f.Label, f.Text!.Length, limit))
        .FirstOrDefault();
}
