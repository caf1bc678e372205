using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Operability;

/// <summary>The person on site starts the service with a wrong setting: one line naming it, no stack trace.</summary>
public sealed class StartupProblemsTests
{
    [Fact]
    public async Task Serve_with_a_malformed_trusted_proxy_stops_with_one_line_per_entry_and_no_stack_trace()
    {
        var run = await CliRun.ServeAsync(
            new Dictionary<string, string?> { ["Hosting__TrustedProxies"] = "10.0.0.1;bogus;10.0.0.0/99" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            "healthbot: invalid settings: Hosting:TrustedProxies: 'bogus' is neither", run.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("'10.0.0.0/99'", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
