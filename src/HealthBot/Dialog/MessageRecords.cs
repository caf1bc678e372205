namespace HealthBot.Dialog;

/// <summary>Consent states as stored; full consent handling lives in the safety feature.</summary>
public static class Consent
{
    public const string Implicit = "implicit";
    public const string OptedIn = "opted_in";
    public const string OptedOut = "opted_out";
}

public sealed record Contact(long Id, string Channel, string Address, string? Language, string Consent, string? TimeZone);

/// <summary>What storing an inbound message produced; <paramref name="Duplicate"/> when the provider id was seen before.</summary>
public sealed record InboundRecord(long MessageId, long ContactId, bool Duplicate);

public sealed record PendingInbound(long MessageId, Contact Contact, string Text, DateTimeOffset ReceivedAt)
{
    /// <summary>The provider that carried it: the reply is shaped for the one that will answer it.</summary>
    public string? Provider { get; init; }
}

/// <summary>
/// An outbound message to write together with its outbox row; answers say whether the model phrased them, why staff
/// should look at them (<paramref name="FlagReason"/>) and whether they ask for feedback.
/// </summary>
public sealed record OutboundDraft(
    string Body, string Kind, string Language, string? ContentId, int? ContentVersion, int Priority = 0, bool? ModelUsed = null, string? FallbackReason = null,
    string? FlagReason = null, bool FeedbackPrompt = false);

public sealed record StoredMessage(
    long Id, long ContactId, string Direction, string Channel, string Body, string Status, string? Language,
    string? Kind, string? ContentId, int? ContentVersion, string? ProviderId, string? ErrorCode, DateTimeOffset CreatedAt)
{
    /// <summary>The provider that carried it (received it, or took it to send); null for rows before 0021.</summary>
    public string? Provider { get; init; }
}

/// <summary>Replies counted for the rate limits: answered messages and notices in the last hour and day.</summary>
public sealed record RecentReplies(int AnsweredHour, int NoticesHour, int AnsweredDay, int NoticesDay);
