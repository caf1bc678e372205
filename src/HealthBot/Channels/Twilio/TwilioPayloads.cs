using HealthBot.Dialog;
using Microsoft.AspNetCore.Http;

namespace HealthBot.Channels.Twilio;

/// <summary>
/// The fields HealthBot reads from an incoming-message webhook
/// (https://www.twilio.com/docs/messaging/guides/webhook-request). WhatsApp senders arrive as whatsapp:+E.164.
/// </summary>
public sealed record TwilioInbound(string MessageSid, string AccountSid, string From, string To, string Body, string? OptOutType)
{
    public const string WhatsAppPrefix = "whatsapp:";

    public string Channel => From.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? ChannelNames.WhatsApp : ChannelNames.Sms;

    /// <summary>Parses the form, or returns the reason it cannot be used (for a 400 response).</summary>
    public static (TwilioInbound? Value, string? Error) Parse(IFormCollection form)
    {
        var sid = First(form, "MessageSid") ?? First(form, "SmsSid");
        var from = First(form, "From");
        var to = First(form, "To");
        if (string.IsNullOrWhiteSpace(sid))
        {
            return (null, "MessageSid is required");
        }

        if (string.IsNullOrWhiteSpace(from))
        {
            return (null, "From is required");
        }

        if (sid.Length > 64 || from.Length > 64 || (to?.Length ?? 0) > 64)
        {
            return (null, "MessageSid, From and To must be at most 64 characters");
        }

        // An absent Body is a media-only or empty message: it gets the friendly not-understood reply.
        return (new TwilioInbound(sid, First(form, "AccountSid") ?? string.Empty, from.Trim(), to?.Trim() ?? string.Empty,
            First(form, "Body") ?? string.Empty, First(form, "OptOutType")), null);
    }

    private static string? First(IFormCollection form, string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
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
