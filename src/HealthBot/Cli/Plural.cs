using System.Globalization;

namespace HealthBot.Cli;

/// <summary>"1 error", "2 errors", "0 errors": counts in the command line's English messages.</summary>
public static class Plural
{
    /// <param name="plural">For nouns that do not just add "s" (e.g. "entry", "entries").</param>
    public static string Of(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
