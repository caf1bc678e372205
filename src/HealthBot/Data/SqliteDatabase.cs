using HealthBot.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HealthBot.Data;

/// <summary>
/// Opens connections to the HealthBot SQLite file with the pragmas every connection needs, and carries the
/// protector that encrypts personal data in it.
/// </summary>
public sealed class SqliteDatabase(IOptions<StorageOptions> options, PersonalDataProtector protector)
    : Database(protector), IDisposable
{
    public override SqlDialect Dialect => SqlDialect.Sqlite;

    public override string Describe => Path;

    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = options.Value.DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public string Path => options.Value.DatabasePath;

    /// <summary>A connection for reading. WAL lets readers run beside the writer, so no pragmas are needed.</summary>
    public override SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A connection for writing (the single writer, migrations).</summary>
    public SqliteConnection OpenForWrite()
    {
        var connection = Open();
        // busy_timeout lets another process (a CLI command) wait for the write lock instead of failing.
        // synchronous=NORMAL is durable across application crashes in WAL mode (https://sqlite.org/wal.html).
        using var pragma = connection.CreateCommand();
        // temp_store=MEMORY: the writer puts each piece of work of a group commit in a savepoint, and SQLite keeps the
        // original of every page changed inside a savepoint in a statement journal, a temporary file by default:
        // that file took about half of the bytes written per message (92 KB of 180 KB in bench webhooks).
        pragma.CommandText =
            "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; " +
            "PRAGMA temp_store = MEMORY;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Closes this file's pooled connections when the host stops. The pool is process-wide and its pruning timer
    /// lives until cleared: it kept the file open after the host and, through the timer, the stopped host itself.
    /// </summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
