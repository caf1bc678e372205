using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Kannel;

/// <summary>
/// Debian's real Kannel on free loopback ports: bearerbox with a fake SMSC, smsbox with a sendsms user and a
/// catch-all sms-service whose get-url calls HealthBot. Phones are <see cref="FakePhone"/>s (kannel-extras' fakesmsc).
/// </summary>
public sealed class KannelGateway : IAsyncDisposable
{
    public const string Bearerbox = "/usr/sbin/bearerbox";
    public const string Username = "healthbot";
    public const string Password = "sendsms-password";
    public const string ShortCode = "12345";

    private readonly string dir = Path.Combine(Path.GetTempPath(), "healthbot-kannel", Guid.NewGuid().ToString("N"));
    private int adminPort, boxPort, sendPort;
    private Process? bearerbox, smsbox;

    public int SmscPort { get; private set; }

    public string SendSmsUrl => $"http://127.0.0.1:{sendPort}/cgi-bin/sendsms";

    public string StatusUrl => $"http://127.0.0.1:{adminPort}/status.txt";

    public static bool Installed => File.Exists(Bearerbox) && File.Exists(FakePhone.Fakesmsc);

    /// <summary>Writes the configuration and starts both boxes, waiting until sendsms answers.</summary>
    /// <remarks>
    /// A port found free can be taken before the box binds it (on a busy machine every outgoing connection borrows
    /// one): then the boxes start again on fresh ports, up to three times.
    /// </remarks>
    public async Task StartAsync(Uri healthBot, string secret)
    {
        Directory.CreateDirectory(dir);
        var getUrl = $"{healthBot.ToString().TrimEnd('/')}/webhooks/kannel/sms?secret={secret}" +
                     "&from=%p&to=%P&text=%a&coding=%c&charset=%C&smsc=%i&id=%I";
        for (var attempt = 1; ; attempt++)
        {
            (adminPort, boxPort, sendPort) = (FreePort(), FreePort(), FreePort());
            SmscPort = FreePort();
            await File.WriteAllTextAsync(Path.Combine(dir, "kannel.conf"), Config(getUrl));
            try
            {
                await StartBoxesAsync();
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await StopBoxesAsync();
            }
        }
    }

    public async Task StartBoxesAsync()
    {
        var conf = Path.Combine(dir, "kannel.conf");
        bearerbox = StartProcess(Bearerbox, conf);
        await WaitForPortAsync(bearerbox, boxPort, "bearerbox.log");
        // smsbox restarted on the ports of one just killed sometimes panics at start (seen once in 3,000 tests, its
        // log gone with the test): started again, as a service manager would, before the test is failed.
        for (var attempt = 1; ; attempt++)
        {
            smsbox = StartProcess("/usr/sbin/smsbox", conf);
            try
            {
                await WaitForPortAsync(smsbox, sendPort, "smsbox.log");
                return;
            }
            catch (TimeoutException) when (attempt < 3 && smsbox.HasExited)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>Both boxes down at once, as when the gateway machine or service stops.</summary>
    public async Task StopBoxesAsync()
    {
        foreach (var p in new[] { smsbox, bearerbox })
        {
            if (p is { HasExited: false })
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
            }
        }
    }

    public FakePhone Phone(string from, string? text) => FakePhone.Start(SmscPort, from, ShortCode, text);

    public async ValueTask DisposeAsync()
    {
        await StopBoxesAsync();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Logs still open on a slow exit: the temp folder is cleaned by the system.
        }
    }

    private string Config(string getUrl) => $"""
        group = core
        admin-port = {adminPort}
        admin-interface = 127.0.0.1
        admin-password = admin-{Guid.NewGuid():N}
        smsbox-port = {boxPort}
        box-allow-ip = "127.0.0.1"
        log-file = "{dir}/bearerbox.log"
        log-level = 1
        dlr-storage = internal

        group = smsc
        smsc = fake
        smsc-id = fake
        port = {SmscPort}
        connect-allow-ip = "127.0.0.1"

        group = smsbox
        bearerbox-host = 127.0.0.1
        bearerbox-port = {boxPort}
        sendsms-port = {sendPort}
        sendsms-interface = 127.0.0.1
        log-file = "{dir}/smsbox.log"
        log-level = 1
        mo-recode = true

        group = sendsms-user
        username = {Username}
        password = {Password}
        concatenation = true
        max-messages = 30

        group = sms-service
        keyword = default
        catch-all = true
        max-messages = 0
        get-url = "{getUrl}"
        """;

    private Process StartProcess(string file, string conf)
    {
        var start = new ProcessStartInfo(file, [conf])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort() => HealthBotFactory.FreeLoopbackPort();

    /// <summary>Until the box listens; a box that exited or never listened is a <see cref="TimeoutException"/>
    /// carrying the end of its log.</summary>
    private async Task WaitForPortAsync(Process box, int port, string log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!box.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        var path = Path.Combine(dir, log);
        // The lines before a panic's backtrace say why ("PANIC: /usr/sbin/smsbox(+0x1acdf)" lines do not).
        var tail = File.Exists(path)
            ? string.Join('\n', File.ReadLines(path)
                .Where(l => !l.Contains("PANIC: /", StringComparison.Ordinal)).TakeLast(5))
            : "(no log)";
        throw new TimeoutException($"{log}: not listening on {port} (exited: {box.HasExited}): {tail}");
    }
}
