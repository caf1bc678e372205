using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Maintenance;

/// <summary>The real <c>healthbot</c> on one data directory, with one data key and the repository's content.</summary>
public sealed class DataDirectoryCli(string data)
{
    public string Data => data;

    public async Task<CliRun.Result> OkAsync(string key, string? input, params string[] args)
    {
        var result = await RunAsync(key, input, args);
        Assert.True(result.ExitCode == 0, $"healthbot {string.Join(' ', args)}: {result.Stdout}\n{result.Stderr}");
        return result;
    }

    public Task<CliRun.Result> RunAsync(string key, string? input, params string[] args) =>
        CliRun.RunAsync(
            input,
            new Dictionary<string, string?>
            {
                ["HEALTHBOT_DATA_KEY"] = key,
                ["HEALTHBOT_DATA_KEYS_PREVIOUS"] = null,
                ["HEALTHBOT_LOOKUP_KEY"] = null,
                ["Storage__DataDirectory"] = data,
                ["Content__Directory"] = HealthBotFactory.ContentDirectory,
                ["Content__WatchForChanges"] = "false",
            },
            TimeSpan.FromSeconds(90),
            args);
}
