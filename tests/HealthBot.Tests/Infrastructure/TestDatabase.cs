using HealthBot.Data;
using HealthBot.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Infrastructure;

/// <summary>A migrated SQLite database in a folder, with the same development key file the service would use there.</summary>
public static class TestDatabase
{
    public static SqliteDatabase Create(string dataDirectory)
    {
        var options = Options.Create(new StorageOptions { DataDirectory = dataDirectory });
        var keys = DataKeys.Load(_ => null, Path.Combine(dataDirectory, "dev-data.key"), requireEnvironment: false);
        var database = new SqliteDatabase(options, new PersonalDataProtector(keys));
        new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).Migrate();
        return database;
    }

    /// <summary>A migrated PostgreSQL database, with the development key file of <paramref name="dataDirectory"/>.</summary>
    public static (PostgresDatabase Database, PostgresWriter Writer) CreatePostgres(string dataDirectory, string connectionString, string node = "test")
    {
        var options = Options.Create(new StorageOptions { DataDirectory = dataDirectory, Provider = "postgres", PostgresConnection = connectionString, NodeId = node });
        Directory.CreateDirectory(dataDirectory);
        var keys = DataKeys.Load(_ => null, Path.Combine(dataDirectory, "dev-data.key"), requireEnvironment: false);
        var database = new PostgresDatabase(options, new PersonalDataProtector(keys));
        new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).Migrate();
        return (database, new PostgresWriter(database, options));
    }
}
