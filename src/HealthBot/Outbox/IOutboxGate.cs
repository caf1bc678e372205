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

    /// <summary>
    /// The same check for a whole claimed batch (none of them in doubt), in claim order: the items to send, possibly
    /// changed. A gate that reads the database overrides this to decide the batch in a few statements.
    /// </summary>
    async Task<IReadOnlyList<OutboxItem>> BeforeSendAsync(IReadOnlyList<OutboxItem> items, CancellationToken ct)
    {
        var passed = new List<OutboxItem>(items.Count);
        foreach (var item in items)
        {
            if (await BeforeSendAsync(item, ct) is { } send)
            {
                passed.Add(send);
            }
        }

        return passed;
    }
}
