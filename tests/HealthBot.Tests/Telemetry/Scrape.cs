namespace HealthBot.Tests.Telemetry;

/// <summary>Reading Prometheus' text format in tests.</summary>
public static class Scrape
{
    /// <summary>The sample lines of one metric (not its # HELP and # TYPE lines).</summary>
    public static List<string> Series(string body, string name) => body.Split('\n')
        .Where(l => l.StartsWith(name, StringComparison.Ordinal) && l.Length > name.Length
                    && l[name.Length] is '{' or ' ')
        .ToList();

    public static bool Has(string line, string label, string value) =>
        line.Contains($"{label}=\"{value}\"", StringComparison.Ordinal);
}
