using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;

namespace HealthBot.Channels.Terminal;

/// <summary>Delivers replies for <c>healthbot chat</c> by printing them: the same outbox path as SMS, ending in the terminal.</summary>
public sealed class TerminalSender(TextWriter output) : IChannelSender
{
    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.Terminal];

    public async Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct)
    {
        await output.WriteLineAsync($"bot> {item.Body}");
        await output.FlushAsync(ct);
        return new SendResult.Sent(null, "delivered");
    }
}
