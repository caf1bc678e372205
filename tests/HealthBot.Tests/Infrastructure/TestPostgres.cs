using HealthBot.Campaigns;
using HealthBot.Data;
using Npgsql;

namespace HealthBot.Tests.Infrastructure;

/// <summary>
/// The local PostgreSQL server the multi-node tests use: <c>.ci/run</c> starts one (deploy/postgres-local.sh) and
/// sets HEALTHBOT_TEST_POSTGRES to a connection string that may create databases. Each test gets a fresh database.
/// With HEALTHBOT_TEST_PROVIDER=postgres as well, every <see cref="HealthBotFactory"/> runs on PostgreSQL too.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "HEALTHBOT_TEST_POSTGRES";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool ForEveryFactory => Server is not null && Environment.GetEnvironmentVariable("HEALTHBOT_TEST_PROVIDER") == "postgres";

    public static string SkipReason => $"{Variable} is not set: start a server with deploy/postgres-local.sh and export what it prints.";

    /// <summary>
    /// HealthBot's and Hangfire's schema, made once per test run: every service's database is copied from it, instead
    /// of each start running all the migrations. The schema tests still migrate from an empty database.
    /// </summary>
    private static readonly Lazy<string> Template = new(MakeTemplate);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase() => Create(null);

    /// <summary>A new database with the schema already in it (a copy of <see cref="Template"/>).</summary>
    public static string CreateMigratedDatabase() => Create(Template.Value);

    private static string Create(string? template)
    {
        var name = "hb_" + Guid.NewGuid().ToString("N")[..16];
        Execute(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");

        // Every factory has its own database, so its own pool; idle connections of finished tests are closed within
        // seconds (Npgsql keeps them 300 s by default), or a long run hits the server's max_connections ("53300: sorry,
        // too many clients already" in a PostgreSQL pass once the suite had grown past 2,000 tests).
        return new NpgsqlConnectionStringBuilder(Server)
        {
            Database = name,
            MaxPoolSize = 40,
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateMigratedDatabase"/> once its host is gone.</summary>
    public static void Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        try
        {
            Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        catch (PostgresException)
        {
            // Left for the cluster's next reset: a drop that fails must not fail the test that used it.
        }
    }

    private static string MakeTemplate()
    {
        var name = "hb_template_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE DATABASE {name}");
        // No pooling: a template may have no open connection while it is copied.
        var connection = new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = false }.ConnectionString;
        var directory = Directory.CreateTempSubdirectory("healthbot-pg-template-");
        try
        {
            var (database, _) = TestDatabase.CreatePostgres(directory.FullName, connection);
            database.Dispose();
            JobStorageFactory.Create(new CampaignOptions(), new StorageOptions
            {
                Provider = "postgres",
                PostgresConnection = connection,
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Server ?? throw new InvalidOperationException(SkipReason));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A fact that needs the local PostgreSQL server; skipped, with the reason shown, when HEALTHBOT_TEST_POSTGRES is unset.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.Server is null)
        {
            Skip = TestPostgres.SkipReason;
        }
    }
}
