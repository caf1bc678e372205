using HealthBot.Data;
using HealthBot.Privacy;
using System.Data.Common;

namespace HealthBot.Dialog;

public sealed class SqlContactStore(Database database, IDatabaseWriter writer, TimeProvider time) : IContactStore
{
    private const string Columns = "id, channel, address, language, consent, time_zone";

    public Task<Contact?> FindAsync(string channel, string address, CancellationToken ct = default)
    {
        using var connection = database.Open();
        return Task.FromResult(Find(connection, null, database.Protector, channel, address));
    }

    public Task<Contact> GetOrCreateAsync(string channel, string address, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) => GetOrCreate(connection, transaction, database.Protector, channel, address, time.GetUtcNow()));

    public Task SetLanguageAsync(long contactId, string language, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) => connection.Command("UPDATE contacts SET language = @l, updated_at = @t WHERE id = @id", transaction)
            .With("@l", language).With("@t", time.GetUtcNow()).With("@id", contactId).ExecuteNonQuery());

    public Task SetConsentAsync(long contactId, string consent, string channel, string reason, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            connection.Command("UPDATE contacts SET consent = @c, updated_at = @t WHERE id = @id", transaction)
                .With("@c", consent).With("@t", now).With("@id", contactId).ExecuteNonQuery();
            return connection.Command("INSERT INTO consent_events (contact_id, consent, channel, reason, at) VALUES (@id, @c, @ch, @r, @t)", transaction)
                .With("@id", contactId).With("@c", consent).With("@ch", channel).With("@r", reason).With("@t", now).ExecuteNonQuery();
        });

    /// <summary>The contact for an address, created when new. The address is stored encrypted and found by its keyed hash.</summary>
    internal static Contact GetOrCreate(DbConnection connection, DbTransaction transaction, PersonalDataProtector protector, string channel, string address, DateTimeOffset now)
    {
        address = Channels.ContactAddress.Canonical(channel, address);
        connection.Command(
                """
                INSERT INTO contacts (channel, address, address_hash, created_at, updated_at) VALUES (@c, @a, @h, @t, @t)
                ON CONFLICT (channel, address_hash) DO NOTHING
                """,
                transaction)
            .With("@c", channel).With("@a", protector.Encrypt(address)).With("@h", protector.Hash(channel, address))
            .With("@t", now).ExecuteNonQuery();
        return Find(connection, transaction, protector, channel, address)!;
    }

    internal static Contact? Find(DbConnection connection, DbTransaction? transaction, PersonalDataProtector protector, string channel, string address)
    {
        address = Channels.ContactAddress.Canonical(channel, address);
        using var reader = connection.Command($"SELECT {Columns} FROM contacts WHERE channel = @c AND address_hash = @h", transaction)
            .With("@c", channel).With("@h", protector.Hash(channel, address)).ExecuteReader();
        return reader.Read() ? Read(reader, protector) : null;
    }

    internal static Contact Read(DbDataReader r, PersonalDataProtector protector, int offset = 0) => new(
        r.GetInt64(offset), r.GetString(offset + 1), protector.Decrypt(r.GetString(offset + 2)), r.GetNullableString(offset + 3),
        r.GetString(offset + 4), r.GetNullableString(offset + 5));

    internal static string SelectColumns(string alias) =>
        string.Join(", ", Columns.Split(", ").Select(c => $"{alias}.{c}"));
}
