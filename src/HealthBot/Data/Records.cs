namespace HealthBot.Data;

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

public sealed record OutboxItem(long OutboxId, long MessageId, string Channel, string To, string Body, int Attempts, long ContactId = 0)
{
    /// <summary>Send this provider template instead of the free text (WhatsApp outside the 24-hour window).</summary>
    public ProviderTemplate? Template { get; init; }

    /// <summary>The message's kind (a reply's, or <c>campaign</c>), read with the claim so gates need not look it up.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>
    /// When an earlier attempt to send this row began, if its outcome is unknown (timeout, crash): the provider may
    /// already have the message, so it is looked up before sending again. Null for a first attempt.
    /// </summary>
    public DateTimeOffset? InDoubtSince { get; init; }

    /// <summary>
    /// The provider that carried the message this one answers (or, for a staff reply, the person's last message):
    /// the outbox sends through it when it can send on the channel. Null for campaigns and old rows.
    /// </summary>
    public string? Via { get; init; }

    /// <summary>Africa's Talking's premium linkId of the message this one answers; only when sent through it.</summary>
    public string? LinkId { get; init; }

    /// <summary>
    /// The address the person wrote to (an Africa's Talking short code) with the message this one answers, or for a
    /// staff reply the person's last message; only when sent through the provider that carried it. Null: campaigns.
    /// </summary>
    public string? ReplyFrom { get; init; }

    /// <summary>
    /// The in-doubt episode (its <see cref="InDoubtSince"/>) in which the row was already sent again through a provider
    /// that has no lookup: it is not sent a third time, even after a restart. Null: not sent again.
    /// </summary>
    public DateTimeOffset? ResentInDoubt { get; init; }
}

/// <summary>A pre-approved provider template: Twilio's Content SID and its variables as the JSON object Twilio expects.</summary>
public sealed record ProviderTemplate(string ContentSid, string VariablesJson)
{
    /// <summary>The template's name at Meta (WhatsApp Cloud API), when the campaign gives one.</summary>
    public string? Name { get; init; }
}

public sealed record StoredMessage(
    long Id, long ContactId, string Direction, string Channel, string Body, string Status, string? Language,
    string? Kind, string? ContentId, int? ContentVersion, string? ProviderId, string? ErrorCode, DateTimeOffset CreatedAt)
{
    /// <summary>The provider that carried it (received it, or took it to send); null for rows before 0021.</summary>
    public string? Provider { get; init; }
}

/// <summary>
/// An emergency to record with the replies: an alert row for the staff inbox (unless one for this contact is newer
/// than <paramref name="DedupSince"/>) and an SMS to each on-call number, within <paramref name="Budget"/>.
/// </summary>
public sealed record AlertDraft(
    string Rule, string? Topic, DateTimeOffset DedupSince, IReadOnlyList<string> OnCallNumbers, AlertSmsBudget Budget);

/// <summary>
/// At most <paramref name="MaxPerWindow"/> alerts get their own on-call SMS in any <paramref name="Window"/>; the rest
/// are held for one summary SMS, so a flood of anonymous emergencies cannot become a flood of paid SMS to staff.
/// </summary>
public sealed record AlertSmsBudget(int MaxPerWindow, TimeSpan Window);

public sealed record Alert(long Id, long ContactId, long? MessageId, string Rule, string? Topic, string Status, DateTimeOffset CreatedAt)
{
    /// <summary>Messages of the same emergency that came after the alert was raised, and when the last one came.</summary>
    public int FollowUps { get; init; }

    public DateTimeOffset? LastFollowUpAt { get; init; }
}

/// <summary>Replies counted for the rate limits: answered messages and notices in the last hour and day.</summary>
public sealed record RecentReplies(int AnsweredHour, int NoticesHour, int AnsweredDay, int NoticesDay);

/// <summary>
/// A sending lane's part of the outbox: the rows of <paramref name="Channel"/>; with <paramref name="Via"/>, only those
/// answered through that provider; otherwise those answered through none or a provider not in
/// <paramref name="NotVia"/> (the providers that have lanes of their own on the channel).
/// </summary>
public sealed record OutboxShare(string Channel, string? Via = null, IReadOnlyList<string>? NotVia = null)
{
    public IReadOnlyList<string> NotVia { get; init; } = NotVia ?? [];
}
