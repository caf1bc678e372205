using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Channels;

/// <summary>
/// The one receiving step every provider calls after verifying and parsing: store (deduplicated by the provider's
/// message id, control characters dropped) and wake the dialog worker. Providers only translate; what happens next is the same for all.
/// </summary>
public sealed class InboundReceiver(IMessageStore messages, InboundSignal signal, TimeProvider time)
{
    public async Task<InboundRecord> ReceiveAsync(
        string channel, string address, string text, string? providerId, CancellationToken ct)
    {
        var record = await messages.RecordInboundAsync(
            new InboundMessage(channel, address, InboundText.Clean(text), providerId, time.GetUtcNow()), ct);
        if (!record.Duplicate)
        {
            signal.Set();
        }

        return record;
    }
}
