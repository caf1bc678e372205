using System.Net;
using HealthBot.Channels.Twilio;
using Microsoft.Data.Sqlite;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot bench accept-server --port P --token T [--no-insert]</c>: the benchmark's yardstick, the least a
/// webhook receiver can do. A minimal ASP.NET Core endpoint that checks the Twilio signature and inserts one row in a
/// SQLite WAL file (synchronous=NORMAL, as HealthBot's writer) in its working directory, or with
/// <c>--no-insert</c> only checks the signature. HealthBot's figures are printed as ratios to it.
/// </summary>
public static class AcceptOnlyServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = BenchArgs.Int(args, "--port", 5099);
        var token = BenchArgs.Text(args, "--token", string.Empty);
        var insert = !args.Contains("--no-insert");
        using var store = insert ? OpenStore(Path.Combine(Environment.CurrentDirectory, "accept.db")) : null;
        var gate = new SemaphoreSlim(1, 1);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapPost("/webhooks/twilio/sms", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var pairs = form.SelectMany(f =>
                f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty)));
            var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}";
            if (!TwilioSignature.IsValid(token, url, pairs, http.Request.Headers["X-Twilio-Signature"]))
            {
                return Results.StatusCode(403);
            }

            if (store is not null)
            {
                await gate.WaitAsync(http.RequestAborted);
                try
                {
                    store.Parameters["@sid"].Value = form["MessageSid"].ToString();
                    store.Parameters["@from"].Value = form["From"].ToString();
                    store.Parameters["@body"].Value = form["Body"].ToString();
                    store.Parameters["@at"].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    store.ExecuteNonQuery();
                }
                finally
                {
                    gate.Release();
                }
            }

            return Results.Text(TwilioWebhookEndpoints.EmptyTwiml, "text/xml");
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>One connection and one prepared insert, each row its own (autocommit) transaction.</summary>
    private static SqliteCommand OpenStore(string path)
    {
        var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText =
                """
                PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                CREATE TABLE IF NOT EXISTS inbound (id INTEGER PRIMARY KEY, sid TEXT NOT NULL UNIQUE,
                  sender TEXT NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL);
                """;
            setup.ExecuteNonQuery();
        }

        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO inbound (sid, sender, body, at) VALUES (@sid, @from, @body, @at)";
        foreach (var name in new[] { "@sid", "@from", "@body", "@at" })
        {
            insert.Parameters.Add(new SqliteParameter(name, null));
        }

        insert.Prepare();
        return insert;
    }
}
