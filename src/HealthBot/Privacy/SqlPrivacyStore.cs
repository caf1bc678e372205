using HealthBot.Data;
using HealthBot.Dialog;
using System.Data.Common;

namespace HealthBot.Privacy;

/// <summary>Data-protection operations: re-encryption, retention, erasure on request, and export.</summary>
public interface IPrivacyStore
{
    Task<int> ReencryptAsync(int batch, CancellationToken ct = default);
    Task<int> EraseBodiesOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct = default);
    Task RequestForgetAsync(long contactId, CancellationToken ct = default);

    /// <summary>Contacts who asked to be forgotten and whose last message (the confirmation) has left.</summary>
    Task<IReadOnlyList<long>> DueForForgettingAsync(int limit, CancellationToken ct = default);

    /// <summary>Erases one contact who asked to be forgotten, in a transaction of its own; false if none.</summary>
    Task<bool> ForgetRequestedAsync(long contactId, CancellationToken ct = default);
    Task<bool> ForgetNowAsync(long contactId, CancellationToken ct = default);

    /// <summary>Deletes status callbacks older than the cutoff still waiting for their message.</summary>
    Task<int> DeleteEarlyStatusesOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct = default);
    Task<IReadOnlyList<StoredMessage>> AllMessagesAsync(long contactId, CancellationToken ct = default);
}

public sealed class SqlPrivacyStore(Database database, IDatabaseWriter writer, IMessageStore messages, TimeProvider time) : IPrivacyStore
{
    public Task<int> ReencryptAsync(int batch, CancellationToken ct = default) => writer.WriteAsync((connection, transaction) =>
    {
        var protector = database.Protector;
        var changed = 0;
        var stale = $"substr({{0}}, 1, {protector.CurrentPrefix.Length}) <> '{protector.CurrentPrefix}'";
        foreach (var (id, channel, address) in Rows(connection, transaction, $"SELECT id, channel, address FROM contacts WHERE erased_at IS NULL AND {string.Format(System.Globalization.CultureInfo.InvariantCulture, stale, "address")}", batch, r => (r.GetInt64(0), r.GetString(1), r.GetString(2)), _ => true))
        {
            var plain = protector.Decrypt(address);
            changed += connection.Command("UPDATE contacts SET address = @a, address_hash = @h WHERE id = @id", transaction)
                .With("@a", protector.Encrypt(plain)).With("@h", protector.Hash(channel, plain)).With("@id", id).ExecuteNonQuery();
        }

        foreach (var (id, body) in Rows(connection, transaction, $"SELECT id, body FROM messages WHERE erased_at IS NULL AND body <> '' AND {string.Format(System.Globalization.CultureInfo.InvariantCulture, stale, "body")}", batch, r => (r.GetInt64(0), r.GetString(1)), _ => true))
        {
            changed += connection.Command("UPDATE messages SET body = @b WHERE id = @id", transaction)
                .With("@b", protector.Encrypt(protector.Decrypt(body))).With("@id", id).ExecuteNonQuery();
        }

        return changed;
    });

    public Task<int> EraseBodiesOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct = default) => writer.WriteAsync((connection, transaction) =>
        connection.Command(
                """
                UPDATE messages SET body = '', erased_at = @now
                WHERE erased_at IS NULL AND created_at < @cutoff AND status NOT IN ('received', 'queued')
                """, transaction)
            .With("@now", time.GetUtcNow()).With("@cutoff", cutoff).ExecuteNonQuery());

    public Task RequestForgetAsync(long contactId, CancellationToken ct = default) => writer.WriteAsync((connection, transaction) =>
        connection.Command("UPDATE contacts SET forget_requested_at = @now WHERE id = @id AND forget_requested_at IS NULL", transaction)
            .With("@now", time.GetUtcNow()).With("@id", contactId).ExecuteNonQuery());

    // Nothing left to send, and no message of theirs still being answered: "FORGET" records the request before its
    // confirmation is queued, and a sweep in between would erase the person and lose the confirmation.
    private const string NothingToSend =
        "NOT EXISTS (SELECT 1 FROM outbox o JOIN messages m ON m.id = o.message_id " +
        "WHERE m.contact_id = c.id AND o.state IN ('pending', 'sending')) AND " +
        "NOT EXISTS (SELECT 1 FROM messages i WHERE i.contact_id = c.id AND i.direction = 'in' AND i.status = 'received')";

    public Task<IReadOnlyList<long>> DueForForgettingAsync(int limit, CancellationToken ct = default)
    {
        using var connection = database.Open();
        IReadOnlyList<long> ids = Rows(connection, null,
            $"""
            SELECT c.id FROM contacts c
            WHERE c.forget_requested_at IS NOT NULL AND c.erased_at IS NULL AND {NothingToSend}
            ORDER BY c.forget_requested_at, c.id
            """, limit, r => r.GetInt64(0), _ => true);
        return Task.FromResult(ids);
    }

    /// <summary>Checks again in the transaction: a reply queued since the contact was found is sent first.</summary>
    public Task<bool> ForgetRequestedAsync(long contactId, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) =>
            connection.Command($"SELECT COUNT(*) FROM contacts c WHERE c.id = @id AND {NothingToSend}", transaction)
                .With("@id", contactId).ScalarLong() > 0
            && Erase(connection, transaction, contactId, time.GetUtcNow()) > 0);

    public Task<int> DeleteEarlyStatusesOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) =>
            connection.Command("DELETE FROM early_status WHERE at < @cutoff", transaction)
                .With("@cutoff", cutoff).ExecuteNonQuery());

    public Task<bool> ForgetNowAsync(long contactId, CancellationToken ct = default) => writer.WriteAsync((connection, transaction) =>
    {
        var now = time.GetUtcNow();
        connection.Command("UPDATE outbox SET state = 'failed', last_error = 'contact forgotten', updated_at = @now WHERE state IN ('pending', 'sending') AND message_id IN (SELECT id FROM messages WHERE contact_id = @id)", transaction)
            .With("@now", now).With("@id", contactId).ExecuteNonQuery();
        return Erase(connection, transaction, contactId, now) > 0;
    });

    public async Task<IReadOnlyList<StoredMessage>> AllMessagesAsync(long contactId, CancellationToken ct = default) =>
        await messages.ConversationAsync(contactId, 0, int.MaxValue, ct);

    /// <summary>
    /// Personal data goes (address, bodies, language, time zone); ids, kinds, topics and times stay as counts.
    /// The address and its hash become a tombstone unique to the contact, so that (channel, address) and
    /// (channel, address_hash) stay unique however many people on a channel are erased.
    /// </summary>
    private static int Erase(DbConnection connection, DbTransaction transaction, long contactId, DateTimeOffset now)
    {
        connection.Command("UPDATE messages SET body = '', provider_id = NULL, erased_at = @now WHERE contact_id = @id", transaction)
            .With("@now", now).With("@id", contactId).ExecuteNonQuery();
        return connection.Command(
                """
                UPDATE contacts SET address = 'forgotten:' || id, address_hash = 'forgotten:' || id, language = NULL,
                time_zone = NULL, consent = 'opted_out', erased_at = @now, updated_at = @now
                WHERE id = @id AND erased_at IS NULL
                """, transaction)
            .With("@now", now).With("@id", contactId).ExecuteNonQuery();
    }

    private static List<T> Rows<T>(DbConnection connection, DbTransaction? transaction, string sql, int limit, Func<DbDataReader, T> read, Func<T, bool> keep)
    {
        var list = new List<T>();
        using var reader = connection.Command(sql, transaction).ExecuteReader();
        while (list.Count < limit && reader.Read())
        {
            var row = read(reader);
            if (keep(row))
            {
                list.Add(row);
            }
        }

        return list;
    }
}
