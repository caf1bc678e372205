using System.ComponentModel.DataAnnotations;
using HealthBot.Telemetry;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Telemetry;

/// <summary>Settings that cannot work stop the start with a line naming the setting.</summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class TelemetryOptionsTests : IDisposable
{
    private readonly string variable = $"HEALTHBOT_TEST_METRICS_TOKEN_{Guid.NewGuid():N}";

    public void Dispose() => Environment.SetEnvironmentVariable(variable, null);

    [Fact]
    public void A_short_token_a_bad_variable_name_and_a_bad_collector_address_are_refused()
    {
        Environment.SetEnvironmentVariable(variable, "short");
        Assert.Contains(Problems(new TelemetryOptions { ScrapeTokenVariable = variable }),
            p => p.Contains("shorter than 16", StringComparison.Ordinal)
                 && p.Contains(variable, StringComparison.Ordinal));
        Assert.Contains(Problems(new TelemetryOptions { ScrapeTokenVariable = "not a name" }),
            p => p.StartsWith("Telemetry:ScrapeTokenVariable", StringComparison.Ordinal));
        Assert.Contains(Problems(new TelemetryOptions { OtlpEndpoint = "localhost:4317" }),
            p => p.StartsWith("Telemetry:OtlpEndpoint", StringComparison.Ordinal));

        Environment.SetEnvironmentVariable(variable, new string('x', 32));
        Assert.Empty(Problems(
            new TelemetryOptions { ScrapeTokenVariable = variable, OtlpEndpoint = "http://127.0.0.1:4317" }));
        Assert.Equal(new string('x', 32), new TelemetryOptions { ScrapeTokenVariable = variable }.ScrapeToken());
    }

    [Fact]
    public async Task A_token_of_spaces_stops_the_start_instead_of_never_matching()
    {
        var run = await CliRun.ServeAsync(new Dictionary<string, string?>
        {
            ["Telemetry__ScrapeTokenVariable"] = variable, [variable] = new string(' ', 16),
        });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("healthbot: invalid settings: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{variable} holds only spaces", run.Stderr, StringComparison.Ordinal);
    }

    private static List<string> Problems(TelemetryOptions options) =>
        options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? string.Empty).ToList();
}
