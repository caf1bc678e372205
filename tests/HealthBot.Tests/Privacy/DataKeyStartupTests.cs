using System.Security.Cryptography;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Privacy;

/// <summary>
/// A restart without the data key (or with another one) must not go unnoticed: the stored numbers would be unreadable
/// and a person who opted out would come back as a new contact. The service and the commands refuse to start, and say
/// which variable to set; with the right key, and after a key rotation, they work.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class DataKeyStartupTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Data_written_with_one_key_is_refused_without_it_and_read_with_it()
    {
        var chat = await RunAsync(Keys(KeyA), "hello\n", "chat", "--as", "key-tester");
        Assert.True(chat.ExitCode == 0, chat.Stderr);

        foreach (var (environment, expected) in new[] { (Keys(null), "is not set"), (Keys(KeyB), "holds a different key") })
        {
            var export = await RunAsync(environment, null, "contact", "export", "key-tester", "--channel", "terminal");
            Assert.Equal(1, export.ExitCode);
            Assert.Contains("HEALTHBOT_DATA_KEY", export.Stderr, StringComparison.Ordinal);
            Assert.Contains(expected, export.Stderr, StringComparison.Ordinal);
        }

        var serve = await RunAsync(Keys(null), null, "serve", "--urls", "http://127.0.0.1:0");
        Assert.NotEqual(0, serve.ExitCode);
        Assert.Contains("HEALTHBOT_DATA_KEY", serve.Stderr, StringComparison.Ordinal);

        var withA = await RunAsync(Keys(KeyA), null, "contact", "export", "key-tester", "--channel", "terminal");
        Assert.True(withA.ExitCode == 0, withA.Stderr);
        Assert.Contains("\"hello\"", withA.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_rotation_with_data_rekey_the_new_key_alone_works_and_the_old_one_is_refused()
    {
        Assert.Equal(0, (await RunAsync(Keys(KeyA), "hello\n", "chat", "--as", "key-tester")).ExitCode);

        // The first key had no id, so it is "k1"; the new one is given an id of its own (see README, data keys).
        var rotation = Keys($"b:{KeyB}");
        rotation["HEALTHBOT_DATA_KEYS_PREVIOUS"] = $"k1:{KeyA}";
        var rekey = await RunAsync(rotation, null, "data", "rekey");
        Assert.True(rekey.ExitCode == 0, rekey.Stderr);

        var oldKey = await RunAsync(Keys(KeyA), null, "contact", "export", "key-tester", "--channel", "terminal");
        Assert.Equal(1, oldKey.ExitCode);
        Assert.Contains("HEALTHBOT_DATA_KEY", oldKey.Stderr, StringComparison.Ordinal);

        var newKey = await RunAsync(Keys($"b:{KeyB}"), null, "contact", "export", "key-tester", "--channel", "terminal");
        Assert.True(newKey.ExitCode == 0, newKey.Stderr);
        Assert.Contains("\"hello\"", newKey.Stdout, StringComparison.Ordinal);

        var environment = ServerProcess.CampaignEnvironment(data, "http://127.0.0.1:9", smsPerSecond: 1);
        environment["HEALTHBOT_DATA_KEY"] = $"b:{KeyB}";
        using var server = await ServerProcess.StartAsync(environment);
        using var http = new HttpClient();
        Assert.Contains("\"ready\"", await http.GetStringAsync(server.BaseUrl + "/readyz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_run_without_the_key_before_any_personal_data_is_stored_does_not_lock_the_key_out()
    {
        var before = await RunAsync(Keys(null), null, "contact", "export", "+254700000999");
        Assert.DoesNotContain("HEALTHBOT_DATA_KEY", before.Stderr, StringComparison.Ordinal);

        var chat = await RunAsync(Keys(KeyA), "hello\n", "chat", "--as", "key-tester");
        Assert.True(chat.ExitCode == 0, chat.Stderr);

        var withA = await RunAsync(Keys(KeyA), null, "contact", "export", "key-tester", "--channel", "terminal");
        Assert.True(withA.ExitCode == 0, withA.Stderr);
        var without = await RunAsync(Keys(null), null, "contact", "export", "key-tester", "--channel", "terminal");
        Assert.Contains("HEALTHBOT_DATA_KEY", without.Stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Keys(string? dataKey) => new()
    {
        ["HEALTHBOT_DATA_KEY"] = dataKey,
        ["HEALTHBOT_DATA_KEYS_PREVIOUS"] = null,
        ["HEALTHBOT_LOOKUP_KEY"] = null,
    };

    private Task<CliRun.Result> RunAsync(Dictionary<string, string?> environment, string? input, params string[] args) =>
        CliRun.RunAsync(input, environment, TimeSpan.FromSeconds(90), [
            .. args, "--Storage:DataDirectory", data, "--Content:Directory", HealthBotFactory.ContentDirectory,
            "--Content:WatchForChanges", "false",
        ]);
}
