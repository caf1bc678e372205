using System.Globalization;
using System.Text.Json;

namespace HealthBot.Channels.Meta;

/// <summary>
/// One webhook notification (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples):
/// <c>{ object: "whatsapp_business_account", entry: [{ changes: [{ field: "messages", value: { messages, statuses }
/// }] }] }</c>. Meta may batch several messages and statuses into one body.
/// </summary>
public sealed record MetaWebhook(IReadOnlyList<MetaInbound> Messages, IReadOnlyList<MetaStatus> Statuses)
{
    /// <summary>Errors Meta reports for the whole number ("130429 Rate limit hit"), for the operator.</summary>
    public IReadOnlyList<string> AccountErrors { get; init; } = [];

    public static (MetaWebhook? Value, string? Error) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body.ToArray());
            return Read(json.RootElement);
        }
        catch (JsonException)
        {
            return (null, "the body is not JSON");
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    private static (MetaWebhook?, string?) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Str(root, "object") != "whatsapp_business_account")
        {
            return (null, "object must be whatsapp_business_account");
        }

        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return (null, "entry must be an array");
        }

        var messages = new List<MetaInbound>();
        var statuses = new List<MetaStatus>();
        var errors = new List<string>();
        foreach (var value in entries.EnumerateArray().SelectMany(Changes))
        {
            messages.AddRange(Items(value, "messages").Select(MetaInbound.Read));
            statuses.AddRange(Items(value, "statuses").Select(MetaStatus.Read));
            errors.AddRange(FirstError(value) is { } error ? [error] : []);
        }

        return (new MetaWebhook(messages, statuses) { AccountErrors = errors }, null);
    }

    private static IEnumerable<JsonElement> Changes(JsonElement entry) =>
        Items(entry, "changes").Where(c => Str(c, "field") == "messages" && c.TryGetProperty("value", out _))
            .Select(c => c.GetProperty("value"));

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var a) &&
        a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray()
            : [];

    internal static string? Str(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) &&
        v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    internal static string Required(JsonElement parent, string name, string what, int maxLength = 256) =>
        Str(parent, name) is { Length: > 0 } value && value.Length <= maxLength
            ? value
            : throw new FormatException($"{what}.{name} is required (a string of at most {maxLength} characters)");

    /// <summary>"131026 Message undeliverable": the code and Meta's title, short enough for the inbox.</summary>
    internal static string? FirstError(JsonElement item)
    {
        var error = Items(item, "errors").FirstOrDefault();
        if (error.ValueKind != JsonValueKind.Object || !error.TryGetProperty("code", out var c) ||
            !c.TryGetInt32(out var code))
        {
            return null;
        }

        var text = $"{code.ToString(CultureInfo.InvariantCulture)} {Str(error, "title") ?? string.Empty}".Trim();
        return text.Length <= 64 ? text : text[..64].TrimEnd();
    }
}

/// <summary>
/// A person's message. <see cref="Text"/> is the typed text, or the title of a list row or button they tapped; empty
/// for the types we cannot read (image, audio, location, reaction, unsupported…), which get "please send text".
/// </summary>
public sealed record MetaInbound(string Id, string WaId, string Type, string Text)
{
    /// <summary>Kinds that say nothing to answer: a number change notice, a reaction taken back.</summary>
    public bool Ignored => Type == "system" || (Type == "reaction" && Text.Length == 0 && Emoji.Length == 0);

    public string Emoji { get; init; } = string.Empty;

    /// <summary>Stored as +E.164 (wa_id is the number's digits): all WhatsApp providers name a person alike.</summary>
    public string Address => "+" + WaId;

    internal static MetaInbound Read(JsonElement m)
    {
        var id = MetaWebhook.Required(m, "id", "messages[]");
        var from = MetaWebhook.Required(m, "from", "messages[]", 15);
        if (from.Length < 7 || !from.All(char.IsAsciiDigit) || from[0] == '0')
        {
            throw new FormatException("messages[].from must be a WhatsApp id: the number's 7 to 15 digits");
        }

        var type = MetaWebhook.Required(m, "type", "messages[]", 32);
        var text = type switch
        {
            "text" => Inner(m, "text", "body"),
            "button" => Inner(m, "button", "text"),
            "interactive" => Tapped(m),
            _ => null,
        };
        if (type == "text" && text is null)
        {
            throw new FormatException("messages[].text.body is required for a text message");
        }

        return new MetaInbound(id, from, type, text ?? string.Empty)
        {
            Emoji = type == "reaction" ? Inner(m, "reaction", "emoji") ?? string.Empty : string.Empty,
        };
    }

    private static string? Inner(JsonElement m, string outer, string name) =>
        m.TryGetProperty(outer, out var o) ? MetaWebhook.Str(o, name) : null;

    private static string? Tapped(JsonElement m) =>
        m.TryGetProperty("interactive", out var i)
            ? Inner(i, "list_reply", "title") ?? Inner(i, "button_reply", "title")
            : null;
}

/// <summary>A sent message's status: sent, delivered, read or failed with Meta's error code and title.</summary>
public sealed record MetaStatus(string Id, string Status, string? ErrorCode)
{
    internal static MetaStatus Read(JsonElement s)
    {
        var id = MetaWebhook.Required(s, "id", "statuses[]");
        var status = MetaWebhook.Required(s, "status", "statuses[]", 32).ToLowerInvariant();
        return new MetaStatus(id, status, MetaWebhook.FirstError(s));
    }
}
