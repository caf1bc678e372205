using Microsoft.Data.Sqlite;

namespace HealthBot.Maintenance;

/// <summary>Whole-file operations on SQLite databases: consistent copies and integrity checks.</summary>
public static class SqliteFiles
{
    /// <summary>
    /// Copies <paramref name="source"/> with SQLite's online backup API (https://sqlite.org/backup.html): a consistent
    /// copy even while the service writes, including what is still in the write-ahead log. The copy is a single file
    /// (rollback journal mode), so it can be moved around on its own.
    /// </summary>
    public static void Copy(string source, string destination)
    {
        using var from = Open(source, SqliteOpenMode.ReadWrite);
        using var to = Open(destination, SqliteOpenMode.ReadWriteCreate);
        from.BackupDatabase(to);
        using var journal = to.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode = DELETE;";
        journal.ExecuteNonQuery();
    }

    /// <summary>
    /// Null when <c>PRAGMA integrity_check</c> (or the faster <c>quick_check</c>) says ok, else what it found.
    /// </summary>
    public static string? Problems(string path, bool quick = false)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadWrite);
            using var command = connection.CreateCommand();
            // The first ten problems are enough to tell a person the file is damaged.
            command.CommandText = quick ? "PRAGMA quick_check(10);" : "PRAGMA integrity_check(10);";
            var lines = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }

            return lines is ["ok"] ? null : string.Join("; ", lines);
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The newest schema version recorded in a HealthBot database, or null when it is not one.</summary>
    public static long? SchemaVersion(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        if (command.ExecuteScalar() is null)
        {
            return null;
        }

        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The migrations recorded in a HealthBot database (none in an empty file or another database).</summary>
    public static HashSet<long> AppliedVersions(string path)
    {
        var applied = new HashSet<long>();
        if (SchemaVersion(path) is null)
        {
            return applied;
        }

        using var connection = Open(path, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            applied.Add(reader.GetInt64(0));
        }

        return applied;
    }

    /// <summary>
    /// Callers open read-write even to read: a WAL database whose -shm file is gone cannot be opened read-only.
    /// Unpooled, so that the file is closed on dispose and may be moved or deleted straight after.
    /// </summary>
    public static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }
}
