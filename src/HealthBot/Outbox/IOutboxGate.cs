using HealthBot.Data;

namespace HealthBot.Outbox;

/// <summary>
/// A last check just before a claimed row is sent (e.g. a campaign's opt-out, quiet hours and caps, which can change
/// between planning and sending). Returns false when the gate has dealt with the row itself (deferred it, skipped
/// it, or found it already delivered); the dispatcher then leaves it alone.
/// </summary>
public interface IOutboxGate
{
    Task<bool> BeforeSendAsync(OutboxItem item, CancellationToken ct);
}
