using System.Globalization;
using System.Text.Json;
using HealthBot.Outbox;

namespace HealthBot.Channels.Meta;

/// <summary>
/// Meta's answer to a refused send, <c>{ error: { message, type, code, error_data: { details } } }</c>, becomes a
/// <see cref="SendResult"/> by its code, which Meta asks callers to rely on rather than the HTTP status
/// (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
/// </summary>
public static class MetaErrors
{
    /// <summary>Re-engagement: more than 24 hours since the person last wrote; only a template may go.</summary>
    public const int OutsideWindow = 131047;

    /// <summary>Pair rate limit: too many messages to this person just now; wait and retry.</summary>
    public const int PairRateLimit = 131056;

    /// <summary>Undeliverable: not on WhatsApp, old app, or terms not accepted. Retrying repeats it.</summary>
    public const int Undeliverable = 131026;

    /// <summary>The person stopped marketing messages from this business.</summary>
    public const int StoppedMarketing = 131050;

    // Throughput (130429), spam rate (131048), unknown (1), service (2), generic (131000), unavailable (131016):
    // Meta's own advice is to wait and try again.
    private static readonly HashSet<int> Transient = [1, 2, 4, 80007, 130429, 131000, 131016, 131048, PairRateLimit];

    /// <summary>The result for an error answer; <paramref name="NeedsTemplate"/> for 131047.</summary>
    public static (SendResult Result, bool NeedsTemplate) Map(int httpStatus, string answer)
    {
        if (Read(answer) is not var (code, title, details))
        {
            return (ProviderHttp.Refused("meta", httpStatus, answer), false);
        }

        var reason = details.Length > 0 && details != title ? $"{title}: {details}" : title;
        reason = reason.Length <= 300 ? reason : reason[..300];
        var name = code.ToString(CultureInfo.InvariantCulture);
        var shortCode = $"{name} {title}".Trim();
        shortCode = shortCode.Length <= 64 ? shortCode : shortCode[..64].TrimEnd();
        if (code == OutsideWindow)
        {
            return (new SendResult.Fail(shortCode, reason), true);
        }

        if (Transient.Contains(code) || httpStatus >= 500)
        {
            // Refused before it was accepted: nothing to look up before the retry.
            // Meta's message is stored for staff, never logged: it may name the number (Retry.Detail).
            return (new SendResult.Retry($"meta {name}", InDoubt: httpStatus >= 500) { Detail = reason }, false);
        }

        return (new SendResult.Fail(shortCode, reason, RecipientOptedOut: code == StoppedMarketing), false);
    }

    private static (int Code, string Title, string Details)? Read(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.ValueKind != JsonValueKind.Object ||
                !json.RootElement.TryGetProperty("error", out var error) ||
                !error.TryGetProperty("code", out var c) || !c.TryGetInt32(out var code))
            {
                return null;
            }

            var message = MetaWebhook.Str(error, "message") ?? string.Empty;
            // Meta's message reads "(#131056) (Business Account, Consumer Account) pair rate limit hit".
            var title = message.StartsWith("(#", StringComparison.Ordinal) && message.IndexOf(')') is > 0 and var end
                ? message[(end + 1)..].Trim()
                : message;
            var details = error.TryGetProperty("error_data", out var data) ? MetaWebhook.Str(data, "details") : null;
            return (code, title, details ?? string.Empty);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
