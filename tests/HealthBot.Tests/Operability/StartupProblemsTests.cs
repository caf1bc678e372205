using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Operability;

/// <summary>The person on site starts the service with a wrong setting: one line naming it, no stack trace.</summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class StartupProblemsTests
{
    [Theory]
    [InlineData("Hosting__TrustedProxies", "10.0.0.1;bogus",
        "Hosting:TrustedProxies: 'bogus' is neither an IP address nor a network")]
    [InlineData("Channels__Sms__Provider", "kanel",
        "Channels:Sms:Provider is 'kanel'; expected one of: africastalking, android, kannel, twilio")]
    [InlineData("Channels__WhatsApp__Provider", "metta", "Channels:WhatsApp:Provider is 'metta'; expected one of:")]
    [InlineData("Channels__Sms__Provider", "kannel",
        "Channels:Sms:Provider is 'kannel', but kannel is off: Kannel__Secret is not set")]
    public async Task Serve_with_a_wrong_setting_stops_with_one_line_naming_it(string key, string value, string line)
    {
        var run = await CliRun.ServeAsync(new Dictionary<string, string?> { [key] = value });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"healthbot: invalid settings: {line}", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }
}
