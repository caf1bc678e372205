using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using HealthBot.Data;

namespace HealthBot.Campaigns;

/// <summary>Hangfire's job store beside HealthBot's own data: a second SQLite file, or a schema in the shared PostgreSQL database.</summary>
internal static class JobStorageFactory
{
    // A job fetched by a process that died is handed out again after this; planning is idempotent, so short is safe.
    private static readonly TimeSpan Invisibility = TimeSpan.FromMinutes(5);

    public static JobStorage Create(CampaignOptions options, StorageOptions storage)
    {
        if (storage.IsPostgres)
        {
            var settings = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.QueuePollInterval,
                InvisibilityTimeout = Invisibility,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.PostgresConnection, settings), settings);
        }

        var path = Path.Combine(Path.GetDirectoryName(storage.DatabasePath)!, options.JobDatabaseFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = options.QueuePollInterval, InvisibilityTimeout = Invisibility });
    }
}
