using System.Threading.Channels;

namespace HealthBot.Dialog;

/// <summary>
/// Wakes a background loop without carrying data: the database is the queue, this only says "look now".
/// Many signals while the loop is busy collapse into one.
/// </summary>
public class WakeSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set() => channel.Writer.TryWrite(true);

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        try
        {
            await channel.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Set when inbound messages were stored and wait for an answer.</summary>
public sealed class InboundSignal : WakeSignal;

/// <summary>Set when outbox rows were written.</summary>
public sealed class OutboxSignal : WakeSignal;
