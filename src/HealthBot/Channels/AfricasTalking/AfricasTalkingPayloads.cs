using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// An SMS a person sent to the short code or number (https://developers.africastalking.com/docs/sms/notifications):
/// form fields <c>from</c>, <c>to</c>, <c>text</c>, <c>date</c>, <c>id</c> and, for premium on-demand services,
/// <c>linkId</c>.
/// </summary>
/// <param name="To">The short code or number the person wrote to; null when missing or not a plain code.</param>
public sealed record AtInboundSms(string From, string? To, string Text, string Id)
{
    /// <summary>
    /// A premium (on-demand) short code's <c>linkId</c>: the reply to this message must carry it
    /// (https://developers.africastalking.com/docs/sms/premium). Null for a standard short code.
    /// </summary>
    public string? LinkId { get; init; }

    public static (AtInboundSms? Value, string? Error) Parse(IFormCollection form)
    {
        if (AtForm.Phone(form, "from") is not { } from)
        {
            return (null, "from must be a phone number in international format (+ and 7 to 15 digits)");
        }

        if (AtForm.Id(form, "id") is not { } id)
        {
            return (null, "id is required (at most 100 characters)");
        }

        var text = form["text"].ToString();
        return text.Length > 10_000
            ? (null, "text is longer than 10000 characters")
            : (new AtInboundSms(from, AtForm.Code(form, "to"), text, id) { LinkId = AtForm.Id(form, "linkId") }, null);
    }
}

/// <summary>
/// A delivery report (https://developers.africastalking.com/docs/sms/notifications): <c>id</c> (the messageId of the
/// send), <c>status</c>, <c>phoneNumber</c>, <c>networkCode</c>, and <c>failureReason</c> for Rejected and Failed.
/// </summary>
public sealed record AtDeliveryReport(string Id, string Status, string? FailureReason)
{
    public static (AtDeliveryReport? Value, string? Error) Parse(IFormCollection form)
    {
        if (AtForm.Id(form, "id") is not { } id)
        {
            return (null, "id is required (at most 100 characters)");
        }

        var status = form["status"].ToString();
        if (AtStatuses.Delivery(status) is null)
        {
            return (null, "status must be one of " + string.Join(", ", AtStatuses.DeliveryStatuses));
        }

        // Logged and stored (the inbox shows it): control characters (a newline forging a log line) are dropped.
        var reason = AtForm.Clean(form["failureReason"].ToString());
        return reason.Length > 64
            ? (null, "failureReason is longer than 64 characters")
            : (new AtDeliveryReport(id, status, reason.Length == 0 ? null : reason), null);
    }

    /// <summary>HealthBot's status for this report.</summary>
    public string HealthBotStatus => AtStatuses.Delivery(Status)!;

    /// <summary>"Rejected: UserInBlackList": the inbox shows why, in Africa's Talking's words.</summary>
    public string? ErrorCode => HealthBotStatus is "failed" or "undelivered"
        ? FailureReason is null ? Status : $"{Status}: {FailureReason}"
        : null;

    /// <summary>The person blocked our sender id or short code: they opted out there.</summary>
    public bool PersonBlocked => string.Equals(FailureReason, "UserInBlackList", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A consent change Africa's Talking reports: a Bulk SMS opt-out (<c>senderId</c>, <c>phoneNumber</c>) or a premium
/// subscription update (<c>phoneNumber</c>, <c>shortCode</c>, <c>keyword</c>, <c>updateType</c> addition or
/// deletion; https://developers.africastalking.com/docs/sms/notifications).
/// </summary>
public sealed record AtConsentChange(string PhoneNumber, string Consent, string Reason)
{
    public static (AtConsentChange? Value, string? Error) ParseOptOut(IFormCollection form) =>
        AtForm.Phone(form, "phoneNumber") is { } phone
            ? (new AtConsentChange(phone, Dialog.Consent.OptedOut, "africastalking-opt-out"), null)
            : (null, "phoneNumber must be a phone number in international format");

    public static (AtConsentChange? Value, string? Error) ParseSubscription(IFormCollection form)
    {
        if (AtForm.Phone(form, "phoneNumber") is not { } phone)
        {
            return (null, "phoneNumber must be a phone number in international format");
        }

        return form["updateType"].ToString().ToLowerInvariant() switch
        {
            "deletion" => (new AtConsentChange(phone, Dialog.Consent.OptedOut, "africastalking-unsubscribed"), null),
            "addition" => (new AtConsentChange(phone, Dialog.Consent.OptedIn, "africastalking-subscribed"), null),
            _ => (null, "updateType must be addition or deletion"),
        };
    }
}

/// <summary>
/// One step of a USSD session (https://developers.africastalking.com/docs/ussd/handle_sessions): <c>sessionId</c>,
/// <c>serviceCode</c>, <c>phoneNumber</c>, <c>networkCode</c> and <c>text</c>, every input of the session so far
/// joined with <c>*</c> (empty when the person has just dialled).
/// </summary>
public sealed record AtUssdRequest(
    string SessionId, string ServiceCode, string PhoneNumber, IReadOnlyList<string> Inputs)
{
    /// <summary>More inputs than any walk through the menu needs: a longer text is refused, not replayed.</summary>
    public const int MaxInputs = 60;

    public const int MaxTextLength = 4 * MaxInputs;

    public static (AtUssdRequest? Value, string? Error) Parse(IFormCollection form)
    {
        if (AtForm.Id(form, "sessionId") is not { } session)
        {
            return (null, "sessionId is required (at most 100 characters)");
        }

        if (AtForm.Phone(form, "phoneNumber") is not { } phone)
        {
            return (null, "phoneNumber must be a phone number in international format");
        }

        var code = form["serviceCode"].ToString();
        if (code.Length is 0 or > 32 || code.Any(char.IsControl))
        {
            return (null, "serviceCode is required (at most 32 characters, no control characters)");
        }

        // A session longer than any walk through the menu is not replayed past its first inputs: the person is told
        // to dial again (END, 200), since a 4xx would leave their phone with a bare network error.
        var text = form["text"].ToString();
        var inputs = text.Length == 0 ? [] : text.Split('*');
        var kept = inputs.Take(MaxInputs).ToList();
        while (kept.Sum(i => i.Length + 1) - 1 > MaxTextLength)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return (new AtUssdRequest(session, code, phone, kept) { TooLong = kept.Count < inputs.Length }, null);
    }

    /// <summary>More inputs, or a longer text, than the menu replays: the session is ended with a short message.
    /// </summary>
    public bool TooLong { get; init; }
}

internal static class AtForm
{
    /// <summary>+ and 7 to 15 digits, as Africa's Talking writes numbers; null otherwise.</summary>
    public static string? Phone(IFormCollection form, string name)
    {
        var value = form[name].ToString().Trim();
        return value.Length is >= 8 and <= 16 && value[0] == '+' && value[1..].All(char.IsAsciiDigit) ? value : null;
    }

    /// <summary>A short code, number or sender id: at most 16 letters, digits and +; null otherwise.</summary>
    public static string? Code(IFormCollection form, string name)
    {
        var value = form[name].ToString().Trim();
        return value.Length is > 0 and <= 16 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '+') ? value : null;
    }

    public static string? Id(IFormCollection form, string name)
    {
        var value = form[name].ToString().Trim();
        return value.Length is > 0 and <= 100 && !value.Any(char.IsControl) ? value : null;
    }

    /// <summary>
    /// A provider's free text (a failure reason, a status word) without control characters, so that it cannot
    /// forge a log line or a line in the inbox; each run of them becomes one space.
    /// </summary>
    public static string Clean(string value) =>
        value.Any(char.IsControl)
            ? string.Join(' ', value.Split(value.Where(char.IsControl).Distinct().ToArray(),
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : value;
}
