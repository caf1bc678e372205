using System.Net;
using System.Text;
using HealthBot.Dialog;

namespace HealthBot.Channels.Kannel;

/// <summary>
/// A message Kannel's smsbox forwards through an sms-service get-url with the escapes
/// <c>from=%p&amp;to=%P&amp;text=%a&amp;coding=%c&amp;charset=%C&amp;smsc=%i&amp;id=%I</c>
/// (user guide, "SMS Service configuration", parameters table).
/// </summary>
public sealed record KannelInbound(string From, string To, string Text, string? Id, string? Smsc)
{
    public const int MaxAddressLength = 32;

    /// <summary>Parses the raw query string, or returns the reason it cannot be used (for a 400 response).</summary>
    public static (KannelInbound? Value, string? Error) Parse(string rawQuery)
    {
        var fields = KannelQuery.Parse(rawQuery);
        var from = fields.Text("from")?.Trim();
        if (string.IsNullOrEmpty(from))
        {
            return (null, "from is required");
        }

        if (from.Length > MaxAddressLength || !IsPhoneAddress(from))
        {
            return (null, $"from must be a phone number or short code of at most {MaxAddressLength} characters");
        }

        var id = fields.Text("id");
        if (id is { Length: > 64 })
        {
            return (null, "id must be at most 64 characters");
        }

        var text = DecodeText(fields, out var error);
        return text is null
            ? (null, error)
            : (new KannelInbound(from, fields.Text("to") ?? string.Empty, text, string.IsNullOrEmpty(id) ? null : id,
                fields.Text("smsc")), null);
    }

    /// <summary>UCS-2 arrives as UTF-16BE bytes unless smsbox recodes it (<c>mo-recode = true</c>) to UTF-8.</summary>
    private static string? DecodeText(KannelQuery fields, out string? error)
    {
        error = null;
        var charset = (fields.Text("charset") ?? "UTF-8").ToUpperInvariant();
        if (charset is "UTF-16BE" or "UCS-2" or "UTF-16")
        {
            var bytes = fields.Bytes("text") ?? [];
            if (bytes.Length % 2 != 0)
            {
                error = "text in UTF-16BE must have an even number of bytes";
                return null;
            }

            return Encoding.BigEndianUnicode.GetString(bytes);
        }

        if (charset is not ("UTF-8" or "ISO-8859-1" or "WINDOWS-1252" or ""))
        {
            error = $"charset {charset} is not supported (use mo-recode = true in smsbox)";
            return null;
        }

        return charset == "UTF-8" || charset.Length == 0
            ? fields.Text("text") ?? string.Empty
            : Encoding.Latin1.GetString(fields.Bytes("text") ?? []);
    }

    private static bool IsPhoneAddress(string from)
    {
        var digits = from.StartsWith('+') ? from[1..] : from;
        return digits.Length >= 3 && digits.All(char.IsAsciiDigit);
    }

    public string Channel => ChannelNames.Sms;
}

/// <summary>
/// A delivery report: Kannel calls the dlr-url we gave with the send, with <c>%d</c> replaced by the report type
/// (1 delivered, 2 failed, 4 buffered, 8 accepted by the SMSC, 16 rejected by the SMSC).
/// </summary>
public sealed record KannelDeliveryReport(long MessageId, int Type)
{
    public static (KannelDeliveryReport? Value, string? Error) Parse(string rawQuery)
    {
        var fields = KannelQuery.Parse(rawQuery);
        if (!long.TryParse(fields.Text("ref"), out var messageId) || messageId <= 0)
        {
            return (null, "ref must be the message id HealthBot sent");
        }

        return int.TryParse(fields.Text("status"), out var type) && type is 1 or 2 or 4 or 8 or 16
            ? (new KannelDeliveryReport(messageId, type), null)
            : (null, "status must be one of 1, 2, 4, 8, 16");
    }

    /// <summary>HealthBot's own status words for Kannel's report types.</summary>
    public string Status => Type switch
    {
        1 => "delivered",
        2 => "undelivered",
        4 => "queued",
        8 => "sent",
        _ => "failed",
    };

    public string? ErrorCode => Type is 2 or 16 ? $"kannel-{Type}" : null;
}

/// <summary>Query fields decoded by hand, so that UTF-16BE text survives (ASP.NET would decode it as UTF-8).</summary>
internal sealed class KannelQuery(Dictionary<string, string> raw)
{
    public static KannelQuery Parse(string rawQuery)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = WebUtility.UrlDecode(eq < 0 ? pair : pair[..eq]);
            map.TryAdd(key, eq < 0 ? string.Empty : pair[(eq + 1)..]);
        }

        return new KannelQuery(map);
    }

    public string? Text(string name) => raw.TryGetValue(name, out var v) ? WebUtility.UrlDecode(v) : null;

    public byte[]? Bytes(string name) =>
        raw.TryGetValue(name, out var v) ? WebUtility.UrlDecodeToBytes(Encoding.ASCII.GetBytes(v), 0, v.Length) : null;
}
