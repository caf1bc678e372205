using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;

namespace HealthBot.Data;

/// <summary>
/// Applies the numbered SQL files under Data/Migrations in order and records each in <c>schema_migrations</c> (and, on
/// SQLite, the newest in <c>PRAGMA user_version</c>). Refuses a database written by newer code rather than guess at
/// its shape. SQLite's files are in Data/Migrations, PostgreSQL's, written for it with the same numbers, in
/// Data/Migrations/Postgres.
/// </summary>
public sealed partial class SchemaMigrator(Database database, ILogger<SchemaMigrator> logger)
{
    /// <summary>SQLite's migrations; their numbers are PostgreSQL's too (a test holds them equal).</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = LoadMigrations(false);

    public static IReadOnlyList<(int Version, string Name, string Sql)> PostgresMigrations { get; } =
        LoadMigrations(true);

    public static int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    public int Migrate()
    {
        using var connection = Connect();
        // Every known migration not yet applied runs, in order — also one numbered below the newest applied, as
        // happens when features developed in parallel land in a different order. All in one transaction: an upgrade
        // that fails half-way leaves the database as it was, so the previous version still starts on it.
        using var transaction = connection.BeginTransaction();
        // Nodes starting together: one migrates, the others wait here and then find nothing left to do.
        if (database is PostgresDatabase)
        {
            PostgresSchema.LockForMigration(connection, transaction);
        }

        var applied = AppliedVersions(connection, transaction, database is SqliteDatabase);
        if (database is PostgresDatabase)
        {
            PostgresSchema.ConvertMigrationTimes(connection, transaction);
        }

        var unknown = applied.Where(v => Migrations.All(m => m.Version != v)).ToList();
        if (unknown.Count > 0)
        {
            throw new SchemaTooNewException(
                $"The database {database.Describe} has schema version {unknown.Max()}, which this HealthBot does " +
                $"not know (it knows up to {LatestVersion}). " +
                "It was written by a newer HealthBot: run that version, or restore a backup made before the upgrade.");
        }

        var migrations = database is PostgresDatabase ? PostgresMigrations : Migrations;
        foreach (var (version, name, sql) in migrations.Where(m => !applied.Contains(m.Version)))
        {
            try
            {
                connection.Command(sql, transaction).ExecuteNonQuery();
            }
            catch (DbException ex)
            {
                // The transaction rolls back on dispose.
                throw new DatabaseUnusableException(
                    $"upgrading the database {database.Describe} failed at migration {version} ({name}): " +
                    $"{ex.Message}. Nothing was changed, so the previous HealthBot version still runs on it (with " +
                    "SQLite, a backup taken just before is in the backup folder). Please report this message.");
            }

            connection.Command(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)", transaction)
                .With("@v", version).With("@n", name).With("@t", DateTimeOffset.UtcNow).ExecuteNonQuery();
            if (database is SqliteDatabase)
            {
                var newest = Math.Max(version, applied.DefaultIfEmpty().Max());
                connection.Command($"PRAGMA user_version = {newest};", transaction).ExecuteNonQuery();
            }

            applied.Add(version);
            logger.LogInformation("Applied database migration {Version} ({Name})", version, name);
        }

        transaction.Commit();
        return LatestVersion;
    }

    private DbConnection Connect()
    {
        if (database is not SqliteDatabase sqlite)
        {
            return database.Open();
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(sqlite.Path)!);
        var connection = sqlite.OpenForWrite();
        connection.Command("PRAGMA journal_mode = WAL;").ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Applied versions from schema_migrations; a database from before that table counts 1..user_version as applied.
    /// </summary>
    private static HashSet<int> AppliedVersions(DbConnection connection, DbTransaction transaction, bool sqlite)
    {
        var userVersion = sqlite ? (int)connection.Command("PRAGMA user_version;", transaction).ScalarLong() : 0;
        connection.Command(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, " +
                $"applied_at {(sqlite ? "TEXT" : "TIMESTAMPTZ")} NOT NULL)", transaction)
            .ExecuteNonQuery();
        var applied = new HashSet<int>();
        using (var reader = connection.Command("SELECT version FROM schema_migrations", transaction).ExecuteReader())
        {
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        if (applied.Count == 0 && userVersion > 0)
        {
            applied.UnionWith(Enumerable.Range(1, userVersion));
        }

        return applied;
    }

    private static List<(int, string, string)> LoadMigrations(bool postgres)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var list = new List<(int, string, string)>();
        var resources = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal));
        foreach (var resource in resources)
        {
            var match = MigrationName().Match(resource);
            if (!match.Success || match.Groups[1].Success != postgres)
            {
                continue;
            }

            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var version = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            list.Add((version, match.Groups[3].Value, reader.ReadToEnd()));
        }

        return list.OrderBy(m => m.Item1).ToList();
    }

    [GeneratedRegex(@"\.Data\.Migrations\.(Postgres\.)?(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}

public sealed class SchemaTooNewException(string message) : Exception(message);
