using System.Globalization;
using System.Text.Json;

namespace HealthBot.Channels.Android;

/// <summary>
/// The JSON <see cref="LocalAndroidPeer"/> reads and writes, shaped like the app's documented examples.
/// </summary>
internal static class AndroidPeerJson
{
    /// <summary>Local-mode health (https://docs.sms-gate.app/features/health/), offline: no internet.</summary>
    public const string Health = """
        {"checks":{"messages:failed":{"description":"Failed messages for last hour","observedUnit":"messages",
        "observedValue":0,"status":"pass"},"connection:status":{"description":"Internet connection status",
        "observedUnit":"Yes/No","observedValue":0,"status":"fail"},"battery:level":{"description":
        "Battery level in percent","observedUnit":"percent","observedValue":81,"status":"pass"}},
        "releaseId":1,"status":"fail","version":"1.0.0"}
        """;

    public static byte[] Event(string deviceId, string @event, string id, object payload, string webhookId) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["deviceId"] = deviceId, ["event"] = @event, ["id"] = id, ["payload"] = payload, ["webhookId"] = webhookId,
        });

    public static HttpRequestMessage Signed(string url, byte[] body, string signingKey, TimeProvider clock)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(AndroidSignature.TimestampHeader, timestamp);
        request.Headers.Add(AndroidSignature.SignatureHeader, AndroidSignature.Compute(signingKey, body, timestamp));
        return request;
    }

    /// <summary>A send request: textMessage.text (or the deprecated message) and at least one phone number.</summary>
    public static (AndroidPeerMessage? Message, string? Error) ReadMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var text = root.TryGetProperty("textMessage", out var t) && t.TryGetProperty("text", out var tt)
                ? tt.GetString()
                : root.TryGetProperty("message", out var m) ? m.GetString() : null;
            var numbers = root.TryGetProperty("phoneNumbers", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Select(n => n.GetString() ?? string.Empty).ToList()
                : [];
            if (string.IsNullOrEmpty(text) || numbers.Count == 0 || numbers.Any(n => !n.StartsWith('+')))
            {
                return (null, "textMessage.text and phoneNumbers (E.164) are required");
            }

            var id = root.TryGetProperty("id", out var i) && i.GetString() is { Length: > 0 } given
                ? given
                : Guid.NewGuid().ToString("N")[..21];
            return (new AndroidPeerMessage(id, numbers, text), null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, "the body is not a message request: " + ex.Message.Split('.')[0]);
        }
    }

    public static string Stamp(DateTimeOffset at) =>
        at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
