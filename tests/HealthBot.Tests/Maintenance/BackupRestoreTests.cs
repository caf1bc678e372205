using System.Globalization;
using System.Security.Cryptography;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// <c>healthbot backup</c> and <c>healthbot restore</c> as a person on site runs them: the real command, a real data
/// directory, wiped in between. What counts is that everything comes back, and that a restore the data key cannot
/// read, or into a running service, is refused without touching the data directory.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class BackupRestoreTests : IDisposable
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string root = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(root, "data");

    private string Backups => Path.Combine(root, "backups");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Backup_wipe_restore_brings_back_every_message_contact_consent_and_campaign_state()
    {
        await SeedAsync();
        var before = Snapshot();
        var listed = await Ok(KeyA, null, "campaign", "list");
        var exported = await Ok(KeyA, null, "contact", "export", "backup-tester", "--channel", "terminal");

        var backup = await Ok(KeyA, null, "backup", Backups);
        Assert.Contains("healthbot.db", backup.Stdout, StringComparison.Ordinal);
        Assert.Contains("hangfire.db", backup.Stdout, StringComparison.Ordinal);
        var folder = Assert.Single(Directory.GetDirectories(Backups));

        Directory.Delete(Data, recursive: true);

        // Another key cannot read the backup: refused, and the (empty) data directory gets no database.
        var wrongKey = await RunAsync(KeyB, null, "restore", folder);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("HEALTHBOT_DATA_KEY", wrongKey.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Data, "healthbot.db")));

        var restore = await Ok(KeyA, null, "restore", folder);
        Assert.Contains("restored healthbot.db", restore.Stdout, StringComparison.Ordinal);
        Assert.Contains("restored hangfire.db", restore.Stdout, StringComparison.Ordinal);

        Assert.Equal(before, Snapshot());
        Assert.Equal(listed.Stdout, (await Ok(KeyA, null, "campaign", "list")).Stdout);
        var after = await Ok(KeyA, null, "contact", "export", "backup-tester", "--channel", "terminal");
        Assert.Equal(exported.Stdout, after.Stdout);
        Assert.Contains("\"how do I wash my hands\"", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backups_run_beside_the_service_keep_the_newest_and_restore_waits_until_it_is_stopped()
    {
        await SeedAsync();
        var environment = ServerProcess.CampaignEnvironment(Data, "http://127.0.0.1:9", smsPerSecond: 1);
        environment["HEALTHBOT_DATA_KEY"] = KeyA;
        string newest;
        using (var server = await ServerProcess.StartAsync(environment))
        {
            for (var i = 0; i < 3; i++)
            {
                await Ok(KeyA, null, "backup", Backups, "--Backup:Keep", "2");
            }

            var kept = Directory.GetDirectories(Backups).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(2, kept.Length);
            newest = kept[^1];
            using var http = new HttpClient();
            var ready = await http.GetStringAsync(server.BaseUrl + "/readyz");
            Assert.Contains("\"summary\":\"last backup ", ready, StringComparison.Ordinal);
            Assert.Contains(Path.GetFileName(newest), ready, StringComparison.Ordinal);

            var refused = await RunAsync(KeyA, null, "restore", newest);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("stop it first", refused.Stderr, StringComparison.Ordinal);
        }

        var restore = await Ok(KeyA, null, "restore", Path.Combine(newest, "healthbot.db"));
        // What the restore replaced is kept aside, not deleted.
        Assert.Contains("the files it replaced are in", restore.Stdout, StringComparison.Ordinal);
        var aside = Assert.Single(Directory.GetDirectories(Data, "before-restore-*"));
        Assert.True(File.Exists(Path.Combine(aside, "healthbot.db")));
    }

    /// <summary>A contact who asked a question, two imported with consent, one opted out, a paused campaign.</summary>
    private async Task SeedAsync()
    {
        Directory.CreateDirectory(root);
        var csv = Path.Combine(root, "mothers.csv");
        await File.WriteAllTextAsync(
            csv, "phone,consent,language,due_date\n+254700400001,yes,sw,2027-03-15\n+254700400002,yes,en,2027-04-01\n");
        var definition = Path.Combine(root, "pregnancy.json");
        await File.WriteAllTextAsync(definition, CampaignJson.Pregnancy());
        await Ok(KeyA, null, "campaign", "import", csv, "--group", "pregnancy");
        await Ok(KeyA, null, "campaign", "create", definition);
        await Ok(KeyA, null, "campaign", "pause", "pregnancy-weekly");
        await Ok(KeyA, "how do I wash my hands\n", "chat", "--as", "backup-tester");
        await Ok(KeyA, "STOP\n", "chat", "--as", "backup-stopper");
    }

    [Fact]
    public async Task A_box_on_the_development_key_restores_once_its_key_file_is_copied_and_a_refusal_leaves_no_new_key()
    {
        const string developmentKey = "";
        await Ok(developmentKey, "how do I wash my hands\n", "chat", "--as", "dev-key-tester");
        await Ok(developmentKey, null, "backup", Backups);
        var folder = Assert.Single(Directory.GetDirectories(Backups));
        var oldKey = await File.ReadAllBytesAsync(Path.Combine(Data, "dev-data.key"));
        Directory.Delete(Data, recursive: true);

        var refused = await RunAsync(developmentKey, null, "restore", folder);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("copy its data folder's dev-data.key", refused.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Data, "dev-data.key")), "a refused restore wrote a new development key");
        await File.WriteAllBytesAsync(Path.Combine(Data, "dev-data.key"), oldKey);
        await Ok(developmentKey, null, "restore", folder);
        var exported = await Ok(developmentKey, null, "contact", "export", "dev-key-tester", "--channel", "terminal");
        Assert.Contains("\"how do I wash my hands\"", exported.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Every row of every table of both databases, as text.</summary>
    private List<string> Snapshot()
    {
        var rows = new List<string>();
        foreach (var file in new[] { "healthbot.db", "hangfire.db" })
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, file)};Pooling=False");
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    var values = Enumerable.Range(0, reader.FieldCount)
                        .Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                    rows.Add($"{file}/{table}: {string.Join(" | ", values)}");
                }
            }
        }

        rows.Sort(StringComparer.Ordinal);
        Assert.Contains(rows, r => r.StartsWith("healthbot.db/campaigns:", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("healthbot.db/messages:", StringComparison.Ordinal));
        return rows;
    }

    private Task<CliRun.Result> Ok(string key, string? input, params string[] args) =>
        new DataDirectoryCli(Data).OkAsync(key, input, args);

    private Task<CliRun.Result> RunAsync(string key, string? input, params string[] args) =>
        new DataDirectoryCli(Data).RunAsync(key, input, args);
}
