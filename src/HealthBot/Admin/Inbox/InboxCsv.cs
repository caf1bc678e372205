using System.Globalization;
using System.Text;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Admin.Inbox;

/// <summary>
/// CSV exports for supervision (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read accents right).
/// No phone number leaves: a conversation is named by its contact id. A cell that a spreadsheet would run as a
/// formula (=, +, -, @ first) is prefixed with an apostrophe (OWASP "CSV injection"). The provider column is the one
/// that carried each message: empty while a reply is still queued, "unknown" for messages from before it was stored.
/// </summary>
public static class InboxCsv
{
    /// <param name="t">The staff's language for the column names and the codes of who wrote and what kind.</param>
    public static byte[] Conversation(
        long contactId, IEnumerable<StoredMessage> messages, Func<string, string> t, StaffClock clock)
    {
        var csv = new StringBuilder();
        Row(csv, [.. new[] { "contact", $"time ({clock.Label})", "from", "kind", "channel", "provider", "language",
            "topic", "version", "status", "text" }.Select(t)]);
        foreach (var m in messages)
        {
            Row(csv, $"{contactId}", clock.Format(m.CreatedAt), t(MessageLook.From(m)), t(m.Kind ?? ""), m.Channel,
                m.Provider ?? (m.Status == "queued" ? "" : t("unknown")), m.Language ?? "", m.ContentId ?? "",
                m.ContentVersion?.ToString(CultureInfo.InvariantCulture) ?? "",
                m.Status, m.Body);
        }

        return Bytes(csv);
    }

    public static byte[] Flagged(
        IEnumerable<FlaggedConversation> flagged, Func<string, string> label, Func<string, string> t, StaffClock clock)
    {
        var csv = new StringBuilder();
        Row(csv, t("contact"), t($"time ({clock.Label})"), t("reasons"));
        foreach (var f in flagged)
        {
            Row(csv, $"{f.ContactId}", clock.Format(f.At), string.Join("; ", f.Reasons.Select(label)));
        }

        return Bytes(csv);
    }

    private static void Row(StringBuilder csv, params string[] cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
    }

    private static byte[] Bytes(StringBuilder csv) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
}
