using System.Text.Json;
using HealthBot.Outbox;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// The messaging API's answer (https://developers.africastalking.com/docs/sms/sending/bulk):
/// <c>{ "SMSMessageData": { "Message": "Sent to 1/1 Total Cost: KES 0.8000", "Recipients": [{ "statusCode": 101,
/// "number": "+254711XXXYYY", "status": "Success", "cost": "KES 0.8000", "messageId": "ATPid_…" }] } }</c>.
/// A request refused as a whole (an unknown sender id) comes with no recipients and the reason in Message; an answer
/// that is not JSON at all leaves each send in doubt.
/// </summary>
public static class AtSendAnswer
{
    /// <summary>
    /// A result for each number sent to, keyed by its digits (the answer may write numbers differently).
    /// </summary>
    public static IReadOnlyDictionary<string, SendResult> Read(string answer, IReadOnlyCollection<string> sentTo)
    {
        var results = new Dictionary<string, SendResult>(StringComparer.Ordinal);
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(answer);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("SMSMessageData", out var data) &&
                data.ValueKind == JsonValueKind.Object)
            {
                message = Str(data, "Message");
                foreach (var recipient in Recipients(data))
                {
                    if (Str(recipient, "number") is { } number &&
                        recipient.TryGetProperty("statusCode", out var code) && code.TryGetInt32(out var statusCode))
                    {
                        results[Digits(number)] = AtStatuses.Send(statusCode,
                            AtForm.Clean(Str(recipient, "status") ?? string.Empty),
                            Str(recipient, "messageId") is { Length: > 0 and <= 100 } id && id != "None" &&
                            !id.Any(char.IsControl) ? id : null);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A 2xx that is not their JSON (a proxy's or captive portal's page, an answer cut short): the message may
            // or may not have been taken. In doubt, like a timeout: sent again rather than lost.
            return sentTo.Select(Digits).Distinct().ToDictionary(d => d, SendResult (_) =>
                new SendResult.Retry("Africa's Talking answered, but not with JSON: in doubt"));
        }

        var refusedAll = results.Count == 0 && message is { Length: > 0 } &&
                         !message.StartsWith("Sent", StringComparison.Ordinal);
        foreach (var to in sentTo.Where(t => !results.ContainsKey(Digits(t))).ToList())
        {
            // Refused as a whole (no recipients, a reason): permanent. Otherwise this number is missing from an
            // accepted answer, and may or may not be out.
            results[Digits(to)] = refusedAll
                ? new SendResult.Fail("at-refused", "Africa's Talking: " + Short(AtForm.Clean(message!)))
                : new SendResult.Retry("Africa's Talking's answer does not list this number");
        }

        return results;
    }

    public static string Digits(string number) => new(number.Where(char.IsAsciiDigit).ToArray());

    private static IEnumerable<JsonElement> Recipients(JsonElement data) =>
        data.TryGetProperty("Recipients", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object)
            : [];

    private static string? Str(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Short(string text) => text.Length <= 200 ? text : text[..200];
}
