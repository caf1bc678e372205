using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;
using Npgsql;

namespace HealthBot.Tests.Data;

/// <summary>
/// PostgreSQL databases created before PostgreSQL had its own migrations were made from the SQLite files by regular
/// expressions (times as text, e-mail uniqueness case-sensitive). Migration 0029 converts them in place.
/// </summary>
public sealed partial class PostgresTimesUpgradeTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2026, 3, 14, 9, 26, 53, 589, 793, TimeSpan.Zero);
    private static readonly DateTimeOffset Locked = new(2026, 3, 15, 23, 59, 59, 999, 999, TimeSpan.Zero);

    private readonly string directory =
        Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    [PostgresFact]
    public async Task A_database_from_the_translated_migrations_keeps_its_times_as_timestamptz()
    {
        var connectionString = OldDatabase();
        Execute(connectionString,
            "INSERT INTO staff_users (email, role, password_hash, locked_until, created_at) " +
            $"VALUES ('ada@example.org', 'admin', 'x', '{Locked.ToDb()}', '{Created.ToDb()}')",
            $"INSERT INTO audit_log (at, actor, action) VALUES ('{Created.ToDb()}', 'ada@example.org', 'test')",
            "INSERT INTO contacts (channel, address, created_at, updated_at) " +
            $"VALUES ('sms', 'x', '{Created.ToDb()}', '{Created.ToDb()}')");

        var (database, writer) = TestDatabase.CreatePostgres(directory, connectionString);

        var staff = new SqlStaffStore(database, writer, TimeProvider.System);
        Assert.Equal(Locked, (await staff.FindAsync("ADA@example.org"))!.LockedUntil);
        Assert.Equal(Created, Assert.Single(await staff.RecentAuditAsync(10)).At);
        using var connection = database.Open();
        using (var reader = connection.Command("SELECT created_at, updated_at FROM contacts").ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal(Created, reader.GetTime(0));
            Assert.Equal(Created, reader.GetTime(1));
        }

        var text = SchemaPerDatabaseTests.Columns(connection, SchemaPerDatabaseTests.PostgresColumns(
            "AND data_type = 'text' AND (column_name LIKE '%\\_at' OR column_name = 'at')"));
        Assert.Empty(text);
    }

    [PostgresFact]
    public void Accounts_differing_only_by_case_stop_the_upgrade_with_a_message_and_nothing_changed()
    {
        var connectionString = OldDatabase();
        Execute(connectionString,
            "INSERT INTO staff_users (email, role, password_hash, created_at) VALUES " +
            $"('ada@example.org', 'admin', 'x', '{Created.ToDb()}'), " +
            $"('Ada@Example.org', 'viewer', 'y', '{Created.ToDb()}')");

        var refused = Assert.Throws<DatabaseUnusableException>(
            () => TestDatabase.CreatePostgres(directory, connectionString));

        Assert.Contains("differing only in upper/lower case", refused.Message);
        Assert.Contains("Nothing was changed", refused.Message);
        Assert.DoesNotContain("ada@example.org", refused.Message, StringComparison.OrdinalIgnoreCase);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Assert.Equal("text", connection.Command(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'staff_users' " +
            "AND column_name = 'created_at'").ExecuteScalar());
        Assert.Equal(28L, connection.Command("SELECT MAX(version) FROM schema_migrations").ScalarLong());
    }

    [PostgresFact]
    public void Converting_again_a_database_made_by_the_postgres_migrations_changes_nothing()
    {
        var (database, _) = TestDatabase.CreatePostgres(directory, TestPostgres.CreateDatabase());
        using var connection = database.Open();
        var before = SchemaPerDatabaseTests.Columns(connection, Types);

        connection.Command(SchemaMigrator.PostgresMigrations.Single(m => m.Version == 29).Sql).ExecuteNonQuery();

        Assert.Equal(before, SchemaPerDatabaseTests.Columns(connection, Types));
    }

    private const string Types =
        "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns " +
        "WHERE table_schema = current_schema()";

    /// <summary>A database as the previous HealthBot left it: SQLite's migrations 0001-0028, translated.</summary>
    private static string OldDatabase()
    {
        var connectionString = TestPostgres.CreateDatabase();
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        connection.Command(
                "CREATE TABLE schema_migrations " +
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                transaction)
            .ExecuteNonQuery();
        foreach (var (version, name, sql) in SchemaMigrator.Migrations.Where(m => m.Version <= 28))
        {
            connection.Command(Translate(sql), transaction).ExecuteNonQuery();
            connection.Command("INSERT INTO schema_migrations VALUES (@v, @n, @t)", transaction)
                .With("@v", version).With("@n", name).With("@t", Created.ToDb()).ExecuteNonQuery();
        }

        transaction.Commit();
        return connectionString;
    }

    private static void Execute(string connectionString, params string[] statements)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        foreach (var sql in statements)
        {
            connection.Command(sql).ExecuteNonQuery();
        }
    }

    /// <summary>How PostgreSQL databases were made until 0029 (Data/PostgresSchema.cs at 237cfaa).</summary>
    private static string Translate(string sqliteSql)
    {
        var sql = IdColumn().Replace(sqliteSql, "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
        sql = Integer().Replace(sql, "BIGINT");
        sql = sql.Replace(") WITHOUT ROWID;", ");", StringComparison.Ordinal);
        sql = sql.Replace(" COLLATE NOCASE", string.Empty, StringComparison.Ordinal);
        return sql.Replace(" BLOB", " BYTEA", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bid\s+INTEGER\s+PRIMARY\s+KEY(\s+AUTOINCREMENT)?", RegexOptions.IgnoreCase)]
    private static partial Regex IdColumn();

    [GeneratedRegex(@"\bINTEGER\b")]
    private static partial Regex Integer();

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
