using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// The clock's and the job server's intervals are checked at start: a value that would hold campaigns over NTP's
/// ordinary corrections, or make Hangfire look for retries less than every ten minutes, stops the service with the
/// setting named. <c>healthbot clock</c> says the time and that nothing is held.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class ClockSettingsTests
{
    [Theory]
    [InlineData("Clock__MaxJump", "00:01:00", "MaxJump")]
    [InlineData("Clock__CheckInterval", "02:00:00", "CheckInterval")]
    [InlineData("Campaigns__SchedulePollingInterval", "00:30:00", "SchedulePollingInterval")]
    [InlineData("Campaigns__ServerHeartbeatInterval", "00:10:00", "ServerHeartbeatInterval")]
    public async Task An_interval_out_of_range_stops_the_service_with_the_setting_named(
        string key, string value, string named)
    {
        var run = await CliRun.ServeAsync(new Dictionary<string, string?> { [key] = value });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("invalid settings", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthbot_clock_shows_the_time_and_that_nothing_is_held()
    {
        var data = Directory.CreateTempSubdirectory("healthbot-clock-");
        try
        {
            var run = await CliRun.RunAsync("clock", $"--Storage:DataDirectory={data.FullName}");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("the box's clock says", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("campaign messages are not held", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
