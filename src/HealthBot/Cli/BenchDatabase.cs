using Npgsql;

namespace HealthBot.Cli;

/// <summary>
/// A PostgreSQL database of a benchmark's own, created on the server HEALTHBOT_POSTGRES names and dropped afterwards,
/// so that runs can follow one another; reached through <see cref="PostgresRoundTrips"/> unless told not to count.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;
    private readonly PostgresRoundTrips? relay;

    private BenchDatabase(string server, string name, bool direct)
    {
        (this.server, this.name) = (server, name);
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        relay = direct ? null : PostgresRoundTrips.Start(builder.ConnectionString);
        ConnectionString = relay?.ConnectionString ?? builder.ConnectionString;
    }

    public string ConnectionString { get; }

    public bool Counted => relay is not null;

    public long RoundTrips => relay?.Count ?? 0;

    public static async Task<BenchDatabase> CreateAsync(bool direct)
    {
        var server = Environment.GetEnvironmentVariable(Data.StorageOptions.PostgresVariable)
            ?? throw new InvalidOperationException($"{Data.StorageOptions.PostgresVariable} is not set");
        var name = "healthbot_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new BenchDatabase(server, name, direct);
    }

    public async ValueTask DisposeAsync()
    {
        if (relay is not null)
        {
            await relay.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
