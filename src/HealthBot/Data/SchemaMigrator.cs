using System.Reflection;
using System.Text.RegularExpressions;

namespace HealthBot.Data;

/// <summary>
/// Applies the numbered SQL files under Data/Migrations in order and records the schema version in
/// <c>PRAGMA user_version</c>. Refuses a database written by newer code rather than guess at its shape.
/// </summary>
public sealed partial class SchemaMigrator(SqliteDatabase database, ILogger<SchemaMigrator> logger)
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = LoadMigrations();

    public static int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    public int Migrate()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(database.Path)!);
        using var connection = database.Open();
        connection.Command("PRAGMA journal_mode = WAL;").ExecuteNonQuery();
        var current = (int)connection.Command("PRAGMA user_version;").ScalarLong();
        if (current > LatestVersion)
        {
            throw new SchemaTooNewException(
                $"The database {database.Path} has schema version {current}, but this HealthBot only knows versions up to {LatestVersion}. " +
                "It was written by a newer HealthBot: run that version, or restore a backup made before the upgrade.");
        }

        foreach (var (version, name, sql) in Migrations.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            connection.Command(sql, transaction).ExecuteNonQuery();
            connection.Command($"PRAGMA user_version = {version};", transaction).ExecuteNonQuery();
            transaction.Commit();
            logger.LogInformation("Applied database migration {Version} ({Name})", version, name);
        }

        return LatestVersion;
    }

    private static List<(int, string, string)> LoadMigrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var list = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            list.Add((int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        return list.OrderBy(m => m.Item1).ToList();
    }

    [GeneratedRegex(@"Migrations\.(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}

public sealed class SchemaTooNewException(string message) : Exception(message);
