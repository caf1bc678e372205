using HealthBot.Data;

namespace HealthBot.Campaigns;

/// <summary>Campaign states as stored.</summary>
public static class CampaignState
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Cancelled = "cancelled";
}

/// <summary>A stored campaign: its definition JSON as accepted, and its state.</summary>
public sealed record CampaignRow(long Id, string Name, string State, string Definition, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A contact in a campaign's audience, with the date the schedule counts from (relative schedules only).</summary>
public sealed record AudienceMember(long ContactId, string Channel, string Address, string? Language, string? TimeZone, string? Anchor);

/// <summary>
/// One send the planner decided on: a message to write to the outbox at <paramref name="Due"/>, or, when
/// <paramref name="SkipReason"/> is set, only a record that this contact was skipped and why.
/// </summary>
public sealed record PlannedSend(long ContactId, string Channel, string MessageKey, string? Body, string? Language, DateTimeOffset Due, string? SkipReason);

/// <summary>What the send-time check sees for one campaign message, read in the same transaction that records its decision.</summary>
public sealed record SendSnapshot(
    long SendId, long CampaignId, string CampaignState, string SendState, long ContactId, string Channel, string Consent, string? TimeZone,
    bool StillMember, int StartedToday, DateTimeOffset? LastInboundAt, DateTimeOffset? StartedAt);

/// <summary>The send-time decision: send now, wait until a time, or skip for good with a reason.</summary>
public abstract record SendDecision
{
    /// <summary>
    /// Send now; <paramref name="StartedBefore"/> is when an earlier attempt started (the send is in doubt).
    /// <paramref name="AsTemplate"/>: as the campaign's WhatsApp template, because the 24-hour window is closed.
    /// </summary>
    public sealed record Send(DateTimeOffset? StartedBefore, bool AsTemplate = false) : SendDecision;

    public sealed record Defer(DateTimeOffset Until, string Reason) : SendDecision;

    public sealed record Skip(string Reason) : SendDecision;
}

/// <summary>A campaign's numbers for staff.</summary>
public sealed record CampaignReport(
    long CampaignId, string Name, string State, int Targeted, int Queued, int Sent, int Delivered, int Failed,
    IReadOnlyDictionary<string, int> Skipped, int OptedOutAfter, int Replies);
