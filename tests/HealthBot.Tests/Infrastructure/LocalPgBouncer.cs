using System.Diagnostics;
using Npgsql;

namespace HealthBot.Tests.Infrastructure;

/// <summary>
/// PgBouncer in transaction-pooling mode in front of the test PostgreSQL server (deploy/pgbouncer-local.sh), as a
/// production cluster runs it: each transaction may get another server connection, so session state does not carry.
/// </summary>
public sealed class LocalPgBouncer : IAsyncDisposable
{
    private readonly string directory =
        Path.Combine(Path.GetTempPath(), "healthbot-pgbouncer", Guid.NewGuid().ToString("N"));

    private LocalPgBouncer()
    {
    }

    /// <summary>Where the program is, or null when the package is not installed.</summary>
    public static string? Program { get; } =
        new[] { "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer" }.FirstOrDefault(File.Exists);

    /// <summary>The connection string through the pooler (the server's, with the pooler's port).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public static async Task<LocalPgBouncer> StartAsync(string serverConnection, int poolSize)
    {
        var bouncer = new LocalPgBouncer();
        var pool = poolSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var printed = await RunAsync("start", bouncer.directory, serverConnection, pool);
        var through = new NpgsqlConnectionStringBuilder(printed.Trim());
        bouncer.ConnectionString =
            new NpgsqlConnectionStringBuilder(serverConnection) { Port = through.Port }.ConnectionString;
        return bouncer;
    }

    public async ValueTask DisposeAsync() => await RunAsync("stop", directory);

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(HealthBotFactory.RepositoryPath("deploy/pgbouncer-local.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"pgbouncer-local.sh: {error}");
    }
}

/// <summary>Needs the local PostgreSQL server and the pgbouncer package; skipped with the reason otherwise.</summary>
public sealed class PgBouncerFactAttribute : FactAttribute
{
    public PgBouncerFactAttribute()
    {
        if (TestPostgres.Server is null)
        {
            Skip = TestPostgres.SkipReason;
        }
        else if (LocalPgBouncer.Program is null)
        {
            Skip = "pgbouncer is not installed (Debian package pgbouncer; .ci/run installs it)";
        }
    }
}
