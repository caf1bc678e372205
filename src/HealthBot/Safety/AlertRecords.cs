namespace HealthBot.Safety;

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
