using System.Globalization;
using HealthBot.Outbox;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// Africa's Talking's words for a message's fate, in HealthBot's. Delivery report statuses and send status codes are
/// from https://developers.africastalking.com/docs/sms/notifications and /docs/sms/sending (Recipients[].statusCode).
/// </summary>
public static class AtStatuses
{
    public static readonly IReadOnlyList<string> DeliveryStatuses =
        ["Sent", "Submitted", "Buffered", "Rejected", "Success", "Failed"];

    /// <summary>
    /// Sent (left Africa's Talking), Submitted (to the network) and Buffered (queued by the network) are all "sent"
    /// here: a later Buffered must not move a message back. Success is delivered; Rejected (by the network, final)
    /// failed; Failed (not delivered to the handset, final) undelivered. Null for a status they do not document.
    /// </summary>
    public static string? Delivery(string status) => status switch
    {
        "Sent" or "Submitted" or "Buffered" => "sent",
        "Success" => "delivered",
        "Rejected" => "failed",
        "Failed" => "undelivered",
        _ => null,
    };

    /// <summary>What one recipient's statusCode in the send answer means for the outbox.</summary>
    public static SendResult Send(int statusCode, string status, string? messageId)
    {
        var code = $"at-{statusCode.ToString(CultureInfo.InvariantCulture)}";
        var reason = $"Africa's Talking: {statusCode.ToString(CultureInfo.InvariantCulture)} {status}".Trim();
        return statusCode switch
        {
            // 100 Processed, 101 Sent, 102 Queued: accepted; its delivery reports carry this messageId.
            100 or 102 => new SendResult.Sent(messageId, "queued"),
            101 => new SendResult.Sent(messageId, "sent"),

            // 405 InsufficientBalance: topping up the account fixes it, so the message waits rather than being lost.
            // 500 InternalServerError, 501 GatewayError: theirs, transient. None of these took the message.
            405 or 500 or 501 => new SendResult.Retry(code, InDoubt: false) { Detail = reason },

            // 406 UserInBlacklist: the person blocked our sender id or short code.
            406 => new SendResult.Fail(code, reason, RecipientOptedOut: true),

            // 401 RiskHold, 402 InvalidSenderId, 403 InvalidPhoneNumber, 404 UnsupportedNumberType,
            // 407 CouldNotRoute, 409 DoNotDisturbRejection, 502 RejectedByGateway, and anything undocumented.
            _ => new SendResult.Fail(code, reason),
        };
    }
}
