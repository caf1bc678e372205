using HealthBot.Data;
using HealthBot.Maintenance;
using Microsoft.Extensions.Options;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot backup [DIR]</c> copies every database while the service runs; <c>healthbot restore BACKUP</c> puts one
/// back into the stopped data directory. On PostgreSQL both point to pg_dump/pg_restore.
/// </summary>
public static class BackupCommand
{
    private const string PostgresAdvice =
        "the data is in PostgreSQL: back it up with pg_dump -Fc -f healthbot.dump \"$DATABASE\" and restore with " +
        "pg_restore --clean --if-exists -d \"$DATABASE\" healthbot.dump (see README, Backups)";

    public static int Backup(string[] args)
    {
        var directory = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : null;
        using var host = CommandHost.BuildWithoutDatabase(directory is null ? args : args[1..]);
        if (host is null || IsPostgres(host))
        {
            return host is null ? 1 : 2;
        }

        try
        {
            var result = host.Services.GetRequiredService<BackupService>().Run(directory);
            foreach (var file in result.Files)
            {
                Console.Out.WriteLine($"backed up and checked {file}");
            }

            foreach (var old in result.Deleted)
            {
                Console.Out.WriteLine($"deleted old backup {old}");
            }

            Console.Out.WriteLine(
                "keep the data key (HEALTHBOT_DATA_KEY) separately: without it this backup is unreadable");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException
                                       or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"healthbot backup: failed: {ex.Message}");
            return 1;
        }
    }

    public static int Restore(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: healthbot restore BACKUP   (a folder made by `healthbot backup`)");
            return 2;
        }

        using var host = CommandHost.BuildWithoutDatabase(args[1..]);
        if (host is null || IsPostgres(host))
        {
            return host is null ? 1 : 2;
        }

        // Without HEALTHBOT_DATA_KEY, reading the keys writes a new development key file: a refused restore must not
        // leave one behind, or the old box's dev-data.key would have to overwrite a key nobody needs.
        var developmentKey = DevelopmentKeyFile(host);
        var hadKey = File.Exists(developmentKey);
        try
        {
            foreach (var line in host.Services.GetRequiredService<RestoreService>().Restore(args[0]))
            {
                Console.Out.WriteLine(line);
            }

            return 0;
        }
        catch (Exception ex) when (ex is RestoreRefusedException or IOException or UnauthorizedAccessException
                                       or Microsoft.Data.Sqlite.SqliteException)
        {
            if (!hadKey)
            {
                File.Delete(developmentKey);
            }

            Console.Error.WriteLine($"healthbot restore: {ex.Message}");
            return 1;
        }
    }

    private static string DevelopmentKeyFile(IHost host) =>
        HealthBot.Privacy.DataKeys.DevelopmentKeyFile(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value);

    private static bool IsPostgres(IHost host)
    {
        if (!host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres)
        {
            return false;
        }

        Console.Error.WriteLine($"healthbot: {PostgresAdvice}");
        return true;
    }
}
