using System.Net;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthBot.Tests.Infrastructure;

/// <summary>
/// The one host for integration tests: the real Program with a private SQLite file, the repository's content,
/// and the Twilio REST base pointed at a <see cref="LocalTwilioPeer"/> on 127.0.0.1.
/// </summary>
/// <param name="services">Test doubles registered after the program's own services (e.g. a scripted model phraser).</param>
public sealed class HealthBotFactory(
    string? apiBaseUrl = null, string? dataDirectory = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string AccountSid = "ACtest00000000000000000000000000";
    public const string AuthToken = "test-auth-token";
    public const string PublicBaseUrl = "https://bot.example.org";

    /// <summary>Every log line the host wrote, at every level, for privacy scans.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    public string DataDirectory { get; } = dataDirectory ?? Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    public static string ContentDirectory => RepositoryPath("content");

    public static string RepositoryPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HealthBot.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new DirectoryNotFoundException("repository root (HealthBot.sln) not found");
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Serves on a real socket (a browser cannot reach the in-memory test server) on a free loopback port,
    /// and returns its base address. Must be called before anything else starts the host.
    /// </summary>
    public Uri StartOnLoopback(int port = 0)
    {
        // An explicit endpoint also overrides the program's default of localhost:5080, which may be in use.
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single());
    }

    /// <summary>A loopback port free now, for a host whose own URL must be configured before it starts.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Content:Directory"] = ContentDirectory,
            ["Content:WatchForChanges"] = "false",
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:ApiBaseUrl"] = apiBaseUrl ?? "http://127.0.0.1:9",
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio:SmsFrom"] = "+15550001111",
            ["Twilio:WhatsAppFrom"] = "whatsapp:+15550001111",
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Outbox:InitialBackoff"] = "00:00:00.100",
            ["Outbox:MaxBackoff"] = "00:00:01",
            ["Outbox:SendTimeout"] = "00:00:05",
            // Hangfire's job server is opt-in for tests (campaign tests plan inline or turn it on).
            ["Campaigns:RunJobs"] = "false",
            // Answers end with "Was this helpful?" by default; tests that compare reply texts expect the content alone, and
            // the feedback tests turn it on.
            ["Dialog:Feedback:Mode"] = "Off",
        };
        if (TestPostgres.ForEveryFactory && settings?.ContainsKey("Storage:Provider") != true)
        {
            values["Storage:Provider"] = "postgres";
            values["Storage:PostgresConnection"] = createdDatabase = TestPostgres.CreateMigratedDatabase();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }

        // A pooled HTTP handler expires on a timer (2 minutes by default) that keeps the handler's host until it
        // fires: every host that sent something stayed in memory for minutes after its test. A test host lives for
        // seconds, so its handlers never need replacing.
        builder.ConfigureServices(s => s.ConfigureHttpClientDefaults(c => c.SetHandlerLifetime(Timeout.InfiniteTimeSpan)));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(Logs)));
    }

    /// <summary>Posts a form to a Twilio webhook path, signed as Twilio would sign it for the public URL.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string path, IDictionary<string, string> form, string? authToken = AuthToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (authToken is not null)
        {
            request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(authToken, PublicBaseUrl + path, form));
        }

        return await CreateClient().SendAsync(request);
    }

    /// <summary>Texts <paramref name="texts"/> one after another by SMS, each answered before the next is sent,
    /// and returns every message the service sent that person.</summary>
    public async Task<List<HealthBot.Dialog.StoredMessage>> ConverseAsync(string from, params string[] texts)
    {
        foreach (var text in texts)
        {
            await PostSignedAsync("/webhooks/twilio/sms", InboundForm(from, text));
            await WaitIdleAsync();
        }

        var contact = (await Service<HealthBot.Dialog.IContactStore>().FindAsync("sms", from))!;
        return (await Service<HealthBot.Dialog.IMessageStore>().ConversationAsync(contact.Id, 0, 50))
            .Where(m => m.Direction == "out").ToList();
    }

    public static Dictionary<string, string> InboundForm(string from, string body, string? sid = null) => new()
    {
        ["MessageSid"] = sid ?? $"SM{Guid.NewGuid():N}",
        ["AccountSid"] = AccountSid,
        ["From"] = from,
        ["To"] = "+15550001111",
        ["Body"] = body,
        ["NumMedia"] = "0",
    };

    /// <summary>
    /// Waits until every stored message is answered and the outbox has nothing due in flight, so a test can assert
    /// that something did NOT happen without guessing a delay.
    /// </summary>
    public Task WaitIdleAsync() => Eventually.WaitAsync(
        () => CountAsync("SELECT (SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received') + (SELECT COUNT(*) FROM outbox WHERE state = 'sending' OR (state = 'pending' AND next_attempt_at <= '" + DateTimeOffset.UtcNow.ToDb() + "'))"),
        c => c == 0, "the service to be idle");

    public async Task<int> CountAsync(string sql)
    {
        using var connection = Service<Database>().Open();
        await Task.Yield();
        return (int)connection.Command(sql).ScalarLong();
    }

    /// <summary>The PostgreSQL database made for this host alone, dropped with it.</summary>
    private string? createdDatabase;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // ~10 MB each: a PostgreSQL pass left 1,500 of them (15 GB) and two passes filled this machine's disk.
        if (Interlocked.Exchange(ref createdDatabase, null) is { } database)
        {
            TestPostgres.Drop(database);
        }
    }
}
