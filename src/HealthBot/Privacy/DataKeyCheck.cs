using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using HealthBot.Data;

namespace HealthBot.Privacy;

/// <summary>
/// Remembers in the database which data key (and lookup key) the personal data is written with, as an HMAC of a
/// constant under the key: it tells keys apart and reveals nothing of them. A start with a key that cannot read the
/// data (another key, or no HEALTHBOT_DATA_KEY and so a fresh development key) is refused: otherwise stored numbers
/// would be unreadable and a person who opted out would come back as a new contact.
/// </summary>
public sealed class DataKeyCheck(Database database, IDatabaseWriter writer, TimeProvider time)
{
    private const string DataPurpose = "data-key";
    private const string LookupPurpose = "lookup-key";
    private const string DevelopmentKeyId = "dev:";

    /// <summary>True once <see cref="Verify"/> has passed in this process (/readyz reports it).</summary>
    public bool Verified { get; private set; }

    private DataKeys Keys => database.Protector.Keys;

    /// <summary>Throws <see cref="DataKeyMismatchException"/> when the keys configured cannot read the data.</summary>
    public void Verify()
    {
        using var connection = database.Open();
        // Nodes starting at once on one database: a node writes the marker only if what it read is still stored
        // (insert if absent, replace only the value read); when another node wrote first, it judges that one.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (TryVerify(connection))
            {
                Verified = true;
                return;
            }
        }

        throw new DataKeyMismatchException(OtherKeyMessage());
    }

    /// <summary>True when the keys read the data; false when another node changed the marker meanwhile.</summary>
    private bool TryVerify(DbConnection connection)
    {
        var stored = Stored(connection);
        if (!stored.TryGetValue(DataPurpose, out var data))
        {
            // A database from before this check (or a new one): try the keys on the data itself, then remember them
            // (during a rotation, once the re-encryption has finished).
            return !CheckAgainstStoredData(connection) || Claim(connection, null);
        }

        var index = Keys.Keys.ToList().FindIndex(k => DataCheck(k) == data);
        if (index < 0 && !HoldsPersonalData(connection))
        {
            // Nothing to read yet. Only a development key's marker gives way (e.g. a staff account made with a
            // command before the key was set): another key's may be that of a node running now.
            return data.StartsWith(DevelopmentKeyId, StringComparison.Ordinal) && Keys.FromEnvironment
                ? Claim(connection, data)
                : throw new DataKeyMismatchException(OtherKeyMessage());
        }

        if (index < 0)
        {
            throw new DataKeyMismatchException(DataKeyMessage());
        }

        // During a rotation the lookup key may change with the data key; the re-encryption re-computes the hashes.
        if (index == 0 && stored.TryGetValue(LookupPurpose, out var lookup) && lookup != LookupCheck())
        {
            throw new DataKeyMismatchException(LookupKeyMessage());
        }

        return true;
    }

    /// <summary>Records the current keys, once every stored value is encrypted (and hashed) with them.</summary>
    public Task RecordCurrentAsync() =>
        writer.WriteAsync((connection, transaction) => Save(connection, transaction));

    /// <summary>Throws when a stored value cannot be read; true when the data is under the current keys.</summary>
    private bool CheckAgainstStoredData(DbConnection connection)
    {
        var protector = database.Protector;
        const string Contact =
            "SELECT channel, address, address_hash FROM contacts WHERE address LIKE 'enc1:%' LIMIT 1";
        using (var contact = connection.Command(Contact).ExecuteReader())
        {
            if (contact.Read())
            {
                var stored = contact.GetString(1);
                var address = Decrypt(stored);
                // Under an older key (a rotation) the hash is of the older lookup key too, until the re-encryption.
                var hash = protector.Hash(contact.GetString(0), address);
                if (protector.IsCurrent(stored) && hash != contact.GetNullableString(2))
                {
                    throw new DataKeyMismatchException(LookupKeyMessage());
                }

                return protector.IsCurrent(stored);
            }
        }

        const string Message = "SELECT body FROM messages WHERE body LIKE 'enc1:%' LIMIT 1";
        return connection.Command(Message).ExecuteScalar() is not string body
            || (Decrypt(body) is not null && protector.IsCurrent(body));
    }

    private static bool HoldsPersonalData(DbConnection connection) => connection.Command(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM contacts WHERE address LIKE 'enc1:%') " +
            "OR EXISTS (SELECT 1 FROM messages WHERE body LIKE 'enc1:%') THEN 1 ELSE 0 END")
        .ScalarLong() == 1;

    private string Decrypt(string stored)
    {
        try
        {
            return database.Protector.Decrypt(stored);
        }
        catch (CryptographicException)
        {
            throw new DataKeyMismatchException(DataKeyMessage());
        }
    }

    /// <summary>
    /// Records the current keys if the marker is still <paramref name="expected"/> (null: absent); false when another
    /// node's start wrote first.
    /// </summary>
    private bool Claim(DbConnection connection, string? expected)
    {
        using var transaction = connection.BeginTransaction();
        var sql = expected is null
            ? "INSERT INTO key_checks (purpose, check_value, updated_at) VALUES (@p, @v, @t) " +
              "ON CONFLICT (purpose) DO NOTHING"
            : "UPDATE key_checks SET check_value = @v, updated_at = @t WHERE purpose = @p AND check_value = @e";
        var claimed = connection.Command(sql, transaction).With("@p", DataPurpose).With("@v", DataCheck(Keys.Current))
            .With("@t", time.GetUtcNow()).With("@e", expected ?? string.Empty).ExecuteNonQuery() == 1;
        if (claimed)
        {
            Write(connection, transaction, LookupPurpose, LookupCheck());
            transaction.Commit();
        }

        return claimed;
    }

    private int Save(DbConnection connection, DbTransaction? transaction) =>
        Write(connection, transaction, DataPurpose, DataCheck(Keys.Current)) +
        Write(connection, transaction, LookupPurpose, LookupCheck());

    private int Write(DbConnection connection, DbTransaction? transaction, string purpose, string value) =>
        connection.Command(
                "INSERT INTO key_checks (purpose, check_value, updated_at) VALUES (@p, @v, @t) " +
                "ON CONFLICT (purpose) DO UPDATE SET check_value = excluded.check_value, " +
                "updated_at = excluded.updated_at",
                transaction)
            .With("@p", purpose).With("@v", value).With("@t", time.GetUtcNow()).ExecuteNonQuery();

    private static Dictionary<string, string> Stored(DbConnection connection)
    {
        var stored = new Dictionary<string, string>();
        using var reader = connection.Command("SELECT purpose, check_value FROM key_checks").ExecuteReader();
        while (reader.Read())
        {
            stored[reader.GetString(0)] = reader.GetString(1);
        }

        return stored;
    }

    /// <summary>With the key's id: values are stored as enc1:ID:…, which the key under another id cannot read.</summary>
    private static string DataCheck((string Id, byte[] Key) key) =>
        $"{key.Id}:{Hmac(key.Key, $"healthbot data key check\n{key.Id}")}";

    private string LookupCheck() => Hmac(Keys.LookupKey, "healthbot lookup key check");

    private static string Hmac(byte[] key, string constant) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(constant)));

    private string DataKeyMessage() =>
        $"the database {database.Describe} holds personal data written with a data key that is not available now " +
        (Keys.FromEnvironment
            ? $"({DataKeys.DataKeyVariable} holds a different key). "
            : $"({DataKeys.DataKeyVariable} is not set, so a development key file beside the database was used). ") +
        $"Start HealthBot with the {DataKeys.DataKeyVariable} the data was written with (after a key change, the old " +
        $"key goes in {DataKeys.PreviousKeysVariable} until `healthbot data rekey` has run). Refusing to start: the " +
        "stored contacts would be unreadable and people who opted out would be treated as new contacts.";

    private string OtherKeyMessage() =>
        $"the database {database.Describe} is kept under another data key than this start's " +
        (Keys.FromEnvironment
            ? $"({DataKeys.DataKeyVariable} holds a different key), "
            : $"({DataKeys.DataKeyVariable} is not set, so a development key file beside the database was used), ") +
        "and holds no personal data yet: another node may be running with that key. Start every node with the same " +
        $"{DataKeys.DataKeyVariable} (to move to a new key, start once with the old one in " +
        $"{DataKeys.PreviousKeysVariable}). Refusing to start: data written under two keys could not all be read.";

    private string LookupKeyMessage() =>
        $"the database {database.Describe} finds contacts by a lookup key that is not available now: set " +
        $"{DataKeys.LookupKeyVariable} as it was when the data was written (unset, it is derived from " +
        $"{DataKeys.DataKeyVariable}). Refusing to start: people who opted out would be treated as new contacts.";
}

public sealed class DataKeyMismatchException(string message) : Exception(message);
