using System.Text.RegularExpressions;

namespace HealthBot.Tests.Channels;

/// <summary>
/// What a webhook run left in the logs: one "inbound message … via …" line per stored message, written by the
/// receiver (a handler's own per-message line would be a second), and no phone number, chat id or message text.
/// </summary>
public static partial class InboundLogs
{
    /// <summary>
    /// Lines whose message (not the logger's category, which may be <c>InboundReceiver</c>) says "inbound".
    /// </summary>
    public static IReadOnlyList<string> InboundLines(IEnumerable<string> logs) =>
        logs.Where(l => Inbound().IsMatch(MessageOf(l))).ToList();

    /// <summary>A captured line is "Level Category: message structured"; the category is left out.</summary>
    private static string MessageOf(string line) =>
        line.IndexOf(": ", StringComparison.Ordinal) is var i and >= 0 ? line[(i + 2)..] : line;

    /// <summary>
    /// Asserts <paramref name="stored"/> inbound lines (one per stored message) and none of the person's data:
    /// the address's digits and, when it is a sentence (short words such as HELP may name a route), the text.
    /// </summary>
    public static void AssertOneLinePerMessageAndNoPersonalData(
        string name, IReadOnlyCollection<string> logs, int stored, string address, string text)
    {
        var inbound = InboundLines(logs);
        Assert.True(inbound.Count == stored, $"{name}: {inbound.Count} inbound lines: {string.Join(" | ", inbound)}");
        var digits = new string(address.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 5)
        {
            Assert.DoesNotContain(logs, l => l.Contains(digits, StringComparison.Ordinal));
        }

        if (text.Length >= 12)
        {
            Assert.DoesNotContain(logs, l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"(?i)\binbound\b")]
    private static partial Regex Inbound();
}
