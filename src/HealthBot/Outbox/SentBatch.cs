using HealthBot.Data;

namespace HealthBot.Outbox;

/// <summary>
/// Sends the provider took, recorded many at a time: one transaction of a few statements for up to
/// <see cref="FlushAt"/> of them (on PostgreSQL each statement is a round trip). Until recorded a row stays 'sending'
/// and in doubt, so a node killed before a flush loses nothing and sends nothing twice where the provider can be
/// asked: another node takes the row over after the lease and looks it up before any resend (InDoubtSends). A send
/// through a provider that cannot be asked is recorded at once (with those waiting): a node killed before a flush would
/// otherwise send up to <see cref="FlushAt"/> messages a second time there.
/// </summary>
internal sealed class SentBatch(IOutboxStore outbox)
{
    public const int FlushAt = 256;

    private readonly Lock gate = new();
    private List<SentRow> rows = [];

    public async Task AddAsync(SentRow row, bool now = false)
    {
        List<SentRow>? full = null;
        lock (gate)
        {
            rows.Add(row);
            if (now || rows.Count >= FlushAt)
            {
                (full, rows) = (rows, []);
            }
        }

        if (full is not null)
        {
            await outbox.MarkSentAsync(full, CancellationToken.None);
        }
    }

    /// <summary>Records what is left; called when the batch is done or stopped, so never with a cancelled token.
    /// </summary>
    public Task FlushAsync()
    {
        List<SentRow> left;
        lock (gate)
        {
            (left, rows) = (rows, []);
        }

        return outbox.MarkSentAsync(left, CancellationToken.None);
    }
}
