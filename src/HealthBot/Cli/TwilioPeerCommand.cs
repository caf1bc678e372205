using System.Globalization;
using System.Runtime.InteropServices;
using HealthBot.Channels.Twilio;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot twilio-peer [--port 5099] [--delay-ms 0]</c>: a local stand-in for the Twilio REST API that prints
/// each reply it receives, so the SMS path can be tried end to end without a Twilio account (start the service with
/// <c>Twilio__ApiBaseUrl=http://127.0.0.1:5099</c> and any AccountSid/AuthToken). <c>--delay-ms</c> answers each send
/// that late (the message is recorded at once), to try the outbox's timeout and in-doubt path.
/// </summary>
public static class TwilioPeerCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = Number(args, "--port") ?? 5099;
        await using var peer = await LocalTwilioPeer.StartAsync(port);
        peer.AnswerDelay = TimeSpan.FromMilliseconds(Number(args, "--delay-ms") ?? 0);
        peer.OnMessage = m => Console.Out.WriteLine($"[{DateTime.Now:HH:mm:ss}] to {m.To} from {m.From}{m.MessagingServiceSid}: {m.Body}");
        // Ctrl+C, `kill` and `systemctl stop` all end it cleanly (SIGINT, SIGTERM; SIGQUIT too). Registered before
        // "listening" is said: a signal sent as soon as that line appears once found no handler yet (the suite).
        var stop = new TaskCompletionSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
        Console.Out.WriteLine($"Twilio API stand-in listening on {peer.BaseUrl} — Ctrl+C to stop.");
        await stop.Task;
        Console.Out.WriteLine("Twilio API stand-in stopped.");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }

    private static int? Number(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        var value = i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var parsed = int.TryParse(value, CultureInfo.InvariantCulture, out var n);
        return parsed && n >= 0 ? n : null;
    }
}
