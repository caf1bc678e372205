namespace HealthBot.Data;

/// <summary>
/// Outbound message statuses, ordered as Twilio reports them
/// (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values).
/// </summary>
public static class MessageStatus
{
    public static int Rank(string status) => status switch
    {
        "queued" or "accepted" or "scheduled" => 1,
        "sending" => 2,
        "sent" => 3,
        "delivered" or "undelivered" or "failed" or "canceled" or "skipped" => 4,
        "read" => 5,
        _ => 0,
    };
}
