namespace HealthBot.Outbox;

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

/// <summary>
/// A sending lane's part of the outbox: the rows of <paramref name="Channel"/>; with <paramref name="Via"/>, only those
/// answered through that provider; otherwise those answered through none or a provider not in
/// <paramref name="NotVia"/> (the providers that have lanes of their own on the channel).
/// </summary>
public sealed record OutboxShare(string Channel, string? Via = null, IReadOnlyList<string>? NotVia = null)
{
    public IReadOnlyList<string> NotVia { get; init; } = NotVia ?? [];
}
