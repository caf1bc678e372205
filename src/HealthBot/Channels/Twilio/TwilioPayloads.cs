using System.Text.RegularExpressions;
using HealthBot.Dialog;
using Microsoft.AspNetCore.Http;

namespace HealthBot.Channels.Twilio;

/// <summary>
/// The fields HealthBot reads from an incoming-message webhook
/// (https://www.twilio.com/docs/messaging/guides/webhook-request). WhatsApp senders arrive as whatsapp:+E.164.
/// </summary>
public sealed partial record TwilioInbound(
    string MessageSid, string AccountSid, string From, string To, string Body, string? OptOutType)
{
    public const string WhatsAppPrefix = "whatsapp:";

    public string Channel => From.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? ChannelNames.WhatsApp : ChannelNames.Sms;

    /// <summary>The sender without Twilio's <c>whatsapp:</c> scheme: the person, whoever carries them.</summary>
    public string Address => ContactAddress.Canonical(Channel, From);

    /// <summary>Parses the form, or returns the reason it cannot be used (for a 400 response).</summary>
    public static (TwilioInbound? Value, string? Error) Parse(IFormCollection form)
    {
        // Twilio sends each field once; two values would leave it to chance which one is the sender or the text.
        foreach (var key in (string[])["MessageSid", "SmsSid", "AccountSid", "From", "To", "Body", "OptOutType"])
        {
            if (form.TryGetValue(key, out var values) && values.Count > 1)
            {
                return (null, $"{key} must be given once, got {values.Count} values");
            }
        }

        var sid = First(form, "MessageSid") ?? First(form, "SmsSid");
        var from = First(form, "From")?.Trim();
        var to = First(form, "To")?.Trim() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(sid))
        {
            return (null, "MessageSid is required");
        }

        if (string.IsNullOrWhiteSpace(from))
        {
            return (null, "From is required");
        }

        if (sid.Length > 64)
        {
            return (null, "MessageSid must be at most 64 characters");
        }

        if (AddressError("From", from, allowShortCode: false) is { } fromError)
        {
            return (null, fromError);
        }

        if (to.Length > 0 && AddressError("To", to, allowShortCode: true) is { } toError)
        {
            return (null, toError);
        }

        // An absent Body is a media-only or empty message: it gets the friendly not-understood reply.
        return (new TwilioInbound(sid, First(form, "AccountSid") ?? string.Empty, from, to,
            InboundText.Clean(First(form, "Body") ?? string.Empty), First(form, "OptOutType")), null);
    }

    /// <summary>E.164 for SMS (+ and 7-15 digits), whatsapp:+E.164 for WhatsApp; To may be a short code.</summary>
    private static string? AddressError(string field, string value, bool allowShortCode)
    {
        if (value.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return E164().IsMatch(value.AsSpan(WhatsAppPrefix.Length))
                ? null
                : $"{field} must be whatsapp: followed by a number in international format (+ and 7 to 15 digits)";
        }

        return E164().IsMatch(value) || (allowShortCode && ShortCode().IsMatch(value))
            ? null
            : $"{field} must be a phone number in international format (+ and 7 to 15 digits)";
    }

    private static string? First(IFormCollection form, string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[0-9]{3,8}$")]
    private static partial Regex ShortCode();
}

/// <summary>A delivery status callback (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status).</summary>
public sealed record TwilioStatusCallback(string MessageSid, string MessageStatus, string? ErrorCode)
{
    /// <summary>
    /// Twilio's message SIDs are 34 characters (SM/MM + 32 hex); a callback for a message not yet recorded is kept
    /// until its send is, so an id of any length would let anyone with a valid signature fill the database.
    /// </summary>
    public const int MaxSidLength = 64;

    /// <summary>Twilio's error codes are five digits (https://www.twilio.com/docs/api/errors).</summary>
    public const int MaxErrorCodeLength = 16;

    public static (TwilioStatusCallback? Value, string? Error) Parse(IFormCollection form)
    {
        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (sid.Length == 0)
        {
            return (null, "MessageSid is required");
        }

        if (sid.Length > MaxSidLength)
        {
            return (null, $"MessageSid must be at most {MaxSidLength} characters");
        }

        if (status.Length == 0 || status.Length > 32)
        {
            return (null, "MessageStatus is required");
        }

        var error = form["ErrorCode"].ToString();
        if (error.Length > MaxErrorCodeLength)
        {
            return (null, $"ErrorCode must be at most {MaxErrorCodeLength} characters");
        }

        return (new TwilioStatusCallback(sid, status.ToLowerInvariant(), error.Length == 0 ? null : error), null);
    }
}
