using System.Diagnostics;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Cli;

/// <summary>
/// Issue #15: <c>healthbot twilio-peer</c> stops on SIGTERM and on Ctrl+C (SIGINT), as a service manager expects.
/// </summary>
public sealed class TwilioPeerCommandTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task The_peer_stops_cleanly_on_a_signal(string signal)
    {
        var port = HealthBotFactory.FreeLoopbackPort();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var app = Path.Combine(AppContext.BaseDirectory, "healthbot.dll");
        foreach (var arg in new[] { app, "twilio-peer", "--port", $"{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var peer = Process.Start(start)!;
        var listening = await peer.StandardOutput.ReadLineAsync();
        Assert.Contains("listening", listening, StringComparison.Ordinal);
        using (var kill = Process.Start("kill", [$"-{signal}", $"{peer.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await peer.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!peer.HasExited)
            {
                peer.Kill();
            }
        }

        Assert.Equal(0, peer.ExitCode);
    }
}
