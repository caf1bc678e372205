using System.Security.Cryptography;
using HealthBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// What a box meets at start: a database file damaged by a power cut is refused with the command that repairs it,
/// and an upgrade backs up first and, when a migration fails, leaves the database as the previous version left it.
/// </summary>
public sealed class StartupFaultTests : IDisposable
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string root = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    private string Backups => Path.Combine(root, "backups");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_damaged_database_is_refused_with_the_restore_command_that_then_brings_the_data_back()
    {
        var original = new DataDirectoryCli(Path.Combine(root, "original"));
        await original.OkAsync(Key, "how do I wash my hands\n", "chat", "--as", "power-cut");
        await original.OkAsync(Key, null, "backup", Backups);
        var folder = Assert.Single(Directory.GetDirectories(Backups));

        // The box: a copy of the database, damaged in the middle as a write cut short on an SD card leaves it.
        var box = new DataDirectoryCli(Path.Combine(root, "box"));
        Directory.CreateDirectory(box.Data);
        var damaged = Path.Combine(box.Data, "healthbot.db");
        File.Copy(Path.Combine(folder, "healthbot.db"), damaged);
        await using (var file = new FileStream(damaged, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4096 * 3;
            await file.WriteAsync(RandomNumberGenerator.GetBytes(4096 * 4));
        }

        var serve = await box.RunAsync(
            Key, null, "serve", "--urls", "http://127.0.0.1:0", "--Backup:Directory", Backups);
        Assert.NotEqual(0, serve.ExitCode);
        Assert.Contains($"the database {damaged} is damaged", serve.Stderr, StringComparison.Ordinal);
        Assert.Contains($"healthbot restore {folder}", serve.Stderr, StringComparison.Ordinal);
        var doctor = await box.RunAsync(Key, null, "doctor", "--Backup:Directory", Backups);
        Assert.Contains($"PROBLEM  database: {damaged} is damaged", doctor.Stdout, StringComparison.Ordinal);

        await box.OkAsync(Key, null, "restore", folder);
        var export = await box.OkAsync(Key, null, "contact", "export", "power-cut", "--channel", "terminal");
        Assert.Contains("\"how do I wash my hands\"", export.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upgrade_backs_up_first_and_a_failing_migration_leaves_the_database_as_it_was()
    {
        var box = new DataDirectoryCli(Path.Combine(root, "box"));
        await box.OkAsync(Key, "how do I wash my hands\n", "chat", "--as", "upgrader");
        // As a database of the version before 0017 looks to the upgrade, except that 0017's table is already
        // there: running 0017 again fails, as a faulty migration would.
        var database = Path.Combine(box.Data, "healthbot.db");
        Execute(database, "DELETE FROM schema_migrations WHERE version = 17");
        var before = Versions(database);

        var start = await box.RunAsync(Key, null, "contact", "export", "upgrader", "--channel", "terminal");

        Assert.Equal(1, start.ExitCode);
        Assert.Contains("failed at migration 17 (conversation_memory)", start.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", start.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Versions(database));
        var backup = Assert.Single(Directory.GetDirectories(Path.Combine(box.Data, "backups")));
        Assert.Equal(before, Versions(Path.Combine(backup, "healthbot.db")));
        Assert.DoesNotContain(17L, before);
    }

    private static List<long> Versions(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
        using var reader = command.ExecuteReader();
        var versions = new List<long>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
