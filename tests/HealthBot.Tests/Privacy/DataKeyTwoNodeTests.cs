using System.Security.Cryptography;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Privacy;

/// <summary>
/// Two nodes started at the same moment on a new PostgreSQL database with different data keys: each found no key
/// recorded (or only the other's, with no personal data yet) and went on with its own, so messages would be written
/// under two keys and half of them be unreadable on the next start. Now exactly one starts and the other refuses,
/// saying why. Each round is a new database and two real processes started together.
/// </summary>
public sealed class DataKeyTwoNodeTests
{
    private const int Rounds = 6;

    [PostgresFact]
    public async Task Two_nodes_starting_at_once_with_different_keys_never_both_start()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var connection = TestPostgres.CreateDatabase();
            var runs = await Task.WhenAll(StartAsync(connection), StartAsync(connection));

            Assert.True(runs.Count(r => r.ExitCode == 0) == 1, $"round {round}: {Describe(runs)}");
            var refused = runs.Single(r => r.ExitCode != 0);
            Assert.Contains("Refusing to start", refused.Stderr, StringComparison.Ordinal);
            Assert.Contains("HEALTHBOT_DATA_KEY holds a different key", refused.Stderr, StringComparison.Ordinal);
        }
    }

    /// <summary>A command that reads the database: it starts as the service does (migrations, the key check).</summary>
    private static Task<CliRun.Result> StartAsync(string connection)
    {
        var environment = new Dictionary<string, string?>
        {
            ["HEALTHBOT_DATA_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["HEALTHBOT_DATA_KEYS_PREVIOUS"] = null,
            ["HEALTHBOT_LOOKUP_KEY"] = null,
            ["Storage__Provider"] = "postgres",
            ["Storage__PostgresConnection"] = connection,
            ["Storage__DataDirectory"] =
                Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N")),
            ["Content__Directory"] = HealthBotFactory.ContentDirectory,
        };
        return CliRun.RunAsync(null, environment, TimeSpan.FromSeconds(90), "campaign", "list");
    }

    private static string Describe(CliRun.Result[] runs) =>
        string.Join("; ", runs.Select(r => $"exit {r.ExitCode}: {r.Stderr.Trim()}"));
}
