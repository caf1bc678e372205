using System.Data.Common;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Data;

/// <summary>
/// SQLite and PostgreSQL each have their own migrations (Data/Migrations, Data/Migrations/Postgres): the stores run the
/// same SQL on both, so the two schemas must have the same tables and columns, and the same version numbers so that
/// schema_migrations means the same on both.
/// </summary>
public sealed class SchemaPerDatabaseTests : IDisposable
{
    private readonly string directory =
        Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Both_databases_have_a_migration_for_every_number()
    {
        Assert.Equal(SchemaMigrator.Migrations.Select(m => (m.Version, m.Name)),
            SchemaMigrator.PostgresMigrations.Select(m => (m.Version, m.Name)));
    }

    [PostgresFact]
    public void A_fresh_sqlite_file_and_a_fresh_postgres_database_have_the_same_tables_and_columns()
    {
        var sqlite = TestDatabase.Create(directory);
        var (postgres, _) = TestDatabase.CreatePostgres(directory, TestPostgres.CreateDatabase());
        using var sqliteConnection = sqlite.Open();
        using var postgresConnection = postgres.Open();

        var sqliteColumns = Columns(sqliteConnection,
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p " +
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
        var postgresColumns = Columns(postgresConnection, PostgresColumns(string.Empty));

        Assert.NotEmpty(sqliteColumns);
        Assert.Equal(sqliteColumns, postgresColumns);
    }

    [PostgresFact]
    public void Every_time_column_is_timestamptz_on_postgres()
    {
        var (postgres, _) = TestDatabase.CreatePostgres(directory, TestPostgres.CreateDatabase());
        using var connection = postgres.Open();

        var times = Columns(connection, PostgresColumns("AND data_type = 'timestamp with time zone'"));
        var named = Columns(connection, PostgresColumns(
            "AND (column_name LIKE '%\\_at' OR column_name = 'at' OR column_name LIKE '%\\_until' " +
            "OR column_name IN ('in_doubt_since', 'resent_in_doubt'))"));

        Assert.Equal(named, times);
        Assert.Contains("messages.created_at", times);
        Assert.Contains("outbox.next_attempt_at", times);
        Assert.Contains("schema_migrations.applied_at", times);
    }

    internal static string PostgresColumns(string condition) =>
        "SELECT table_name, column_name FROM information_schema.columns " +
        $"WHERE table_schema = current_schema() {condition}";

    internal static SortedSet<string> Columns(DbConnection connection, string sql)
    {
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        using var reader = connection.Command(sql).ExecuteReader();
        while (reader.Read())
        {
            columns.Add($"{reader.GetString(0)}.{reader.GetString(1)}");
        }

        return columns;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
