using System.Text.Json;

namespace HealthBot.Channels.Android;

/// <summary>
/// One webhook from the app (https://docs.sms-gate.app/features/webhooks/): <c>{ deviceId, event, id, payload,
/// webhookId }</c>. <c>id</c> is the event's own id, the same on the app's retries; <c>payload.messageId</c> of a
/// received SMS is derived from its content and is NOT unique, so received SMS are deduplicated by the event id.
/// </summary>
public sealed record AndroidEvent(string Event, string Id, string? MessageId, string? PhoneNumber, string? Text,
    string? Reason)
{
    public const string Received = "sms:received";
    public const string Sent = "sms:sent";
    public const string Delivered = "sms:delivered";
    public const string Failed = "sms:failed";
    public const int MaxIdLength = 64;

    /// <summary>Documented events HealthBot does not act on; acknowledged so the app does not retry them.</summary>
    public static readonly IReadOnlySet<string> Ignored =
        new HashSet<string>(StringComparer.Ordinal) { "system:ping", "sms:data-received", "mms:received" };

    public bool IsStatus => Event is Sent or Delivered or Failed;

    /// <summary>Parses the (already verified) body, or returns the reason it cannot be used (for a 400).</summary>
    public static (AndroidEvent? Value, string? Error) Parse(ReadOnlySpan<byte> body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, "the body is not JSON");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "the body must be a JSON object");
        }

        var name = Field(root, "event");
        var id = Field(root, "id");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
        {
            return (null, $"event and id are required (id at most {MaxIdLength} characters)");
        }

        if (Ignored.Contains(name))
        {
            return (new AndroidEvent(name, id, null, null, null, null), null);
        }

        if (name is not (Received or Sent or Delivered or Failed))
        {
            return (null, $"event '{name}' is not one HealthBot handles");
        }

        if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return (null, "payload must be an object");
        }

        return Fields(name, id, payload);
    }

    private static (AndroidEvent?, string?) Fields(string name, string id, JsonElement payload)
    {
        var messageId = Field(payload, "messageId");
        var phone = Field(payload, "phoneNumber")?.Trim();
        if (name == Received)
        {
            var hasText = payload.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String;
            return string.IsNullOrEmpty(phone) || !hasText
                ? (null, "sms:received needs payload.phoneNumber and payload.message (a string)")
                : (new AndroidEvent(name, id, messageId, phone, Field(payload, "message"), null), null);
        }

        return string.IsNullOrEmpty(messageId) || messageId.Length > MaxIdLength
            ? (null, $"{name} needs payload.messageId (at most {MaxIdLength} characters)")
            : (new AndroidEvent(name, id, messageId, phone, null, Field(payload, "reason")), null);
    }

    private static string? Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A sender we can answer: digits with an optional +, like Kannel's senders (not "MPESA").</summary>
    public bool FromPhone => PhoneNumber is { Length: >= 3 and <= 32 } p &&
                             (p.StartsWith('+') ? p[1..] : p).All(char.IsAsciiDigit) && p.TrimStart('+').Length >= 3;

    /// <summary>HealthBot's status words (as Kannel's); the app cannot tell "not sent" from "not delivered".</summary>
    public string Status => Event switch
    {
        Sent => "sent",
        Delivered => "delivered",
        _ => "failed",
    };

    /// <summary>The app's reason (an Android result name, e.g. RESULT_ERROR_GENERIC_FAILURE), when it is one.</summary>
    public string? ErrorCode => Event != Failed ? null
        : Reason is { Length: > 0 and <= 64 } r && r.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ' ')
            ? "android: " + r
            : "android-failed";
}
