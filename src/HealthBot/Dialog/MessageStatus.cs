namespace HealthBot.Dialog;

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

    /// <summary>Rank of the final statuses: the first one reported stays.</summary>
    private const int Final = 4;

    /// <summary>Whether <paramref name="next"/> replaces <paramref name="current"/> as the message's status.</summary>
    public static bool Moves(string current, string next) =>
        Rank(next) > Rank(current) || (Rank(next) == Rank(current) && Rank(current) < Final);
}
