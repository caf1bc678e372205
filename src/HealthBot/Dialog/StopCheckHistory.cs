using HealthBot.Data;

namespace HealthBot.Dialog;

/// <summary>
/// Whether a contact was already asked "send STOP to stop messages" after an ambiguous keyword: the question is
/// asked once, so a Hindi speaker who often writes "acha" (OK) is not asked again and again. Portable SQL.
/// </summary>
public sealed class StopCheckHistory(Database database)
{
    public Task<bool> WasAskedAsync(long contactId, CancellationToken ct = default)
    {
        using var connection = database.Open();
        var asked = connection.Command(
                "SELECT COUNT(*) FROM messages WHERE contact_id = @contact AND direction = 'out' AND kind = @kind")
            .With("@contact", contactId).With("@kind", ReplyKind.StopCheck).ScalarLong();
        return Task.FromResult(asked > 0);
    }
}
