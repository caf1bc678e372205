using System.Data.Common;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Channels;

/// <summary>
/// Migration 0019: WhatsApp contacts stored as Twilio wrote them (<c>whatsapp:+254…</c>) get the address
/// <see cref="ContactAddress.Canonical"/> gives, re-encrypted with its lookup hash, so they stay the same contact.
/// A number already stored both ways (possible only if something wrote <c>WhatsApp:</c> with another case) is left
/// apart rather than merged: the ids are logged, never the number.
/// </summary>
public sealed class ContactAddressUpgrade(
    Database database, IDatabaseWriter writer, ILogger<ContactAddressUpgrade> logger) : IDataUpgrade
{
    public const string Name = "contact-addresses";

    public void RunIfPending()
    {
        var (changed, apart) = writer.WriteAsync(Upgrade).GetAwaiter().GetResult();
        if (changed > 0 || apart.Count > 0)
        {
            logger.LogInformation(
                "WhatsApp addresses without the whatsapp: scheme: {Changed} contacts rewritten; left apart (same " +
                "number stored twice): {Apart}", changed, apart.Count == 0 ? "none" : string.Join(", ", apart));
        }
    }

    private (int Changed, List<long> Apart) Upgrade(DbConnection connection, DbTransaction transaction)
    {
        var apart = new List<long>();
        var pending = connection.Command("DELETE FROM pending_upgrades WHERE name = @n", transaction)
            .With("@n", Name).ExecuteNonQuery();
        if (pending == 0)
        {
            return (0, apart);
        }

        var rows = new List<(long Id, string Address)>();
        using (var reader = connection.Command(
                   "SELECT id, address FROM contacts WHERE channel = @c AND erased_at IS NULL", transaction)
                   .With("@c", ChannelNames.WhatsApp).ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var protector = database.Protector;
        var changed = 0;
        foreach (var (id, stored) in rows)
        {
            var address = protector.Decrypt(stored);
            var canonical = ContactAddress.Canonical(ChannelNames.WhatsApp, address);
            if (canonical == address)
            {
                continue;
            }

            var hash = protector.Hash(ChannelNames.WhatsApp, canonical);
            var taken = connection.Command(
                    "SELECT COUNT(*) FROM contacts WHERE channel = @c AND address_hash = @h AND id <> @id", transaction)
                .With("@c", ChannelNames.WhatsApp).With("@h", hash).With("@id", id).ScalarLong() > 0;
            if (taken)
            {
                apart.Add(id);
                continue;
            }

            const string Rewrite = "UPDATE contacts SET address = @a, address_hash = @h WHERE id = @id";
            changed += connection.Command(Rewrite, transaction)
                .With("@a", protector.Encrypt(canonical)).With("@h", hash).With("@id", id).ExecuteNonQuery();
        }

        return (changed, apart);
    }
}
