using HealthBot.Data;

namespace HealthBot.Outbox;

/// <summary>
/// A last check just before a claimed row is sent (e.g. a campaign's opt-out, quiet hours and caps, which can change
/// between planning and sending). Returns the item to send (possibly changed, e.g. to a template), or null when the
/// gate has dealt with the row itself (deferred it, skipped it, or found it already delivered); the dispatcher then
/// leaves it alone.
/// </summary>
public interface IOutboxGate
{
    Task<OutboxItem?> BeforeSendAsync(OutboxItem item, CancellationToken ct);
}
