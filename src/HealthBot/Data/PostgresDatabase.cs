using System.Data.Common;
using HealthBot.Privacy;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HealthBot.Data;

/// <summary>PostgreSQL, for deployments where several HealthBot nodes share one database.</summary>
public sealed class PostgresDatabase : Database, IDisposable
{
    private readonly NpgsqlDataSource source;

    public PostgresDatabase(IOptions<StorageOptions> options, PersonalDataProtector protector)
        : base(protector)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.PostgresConnection);
        // HealthBot keeps no session state, so a pooled connection needs no reset. Npgsql's automatic preparation
        // (Max Auto Prepare) stays off until the whole suite has run on PostgreSQL with it (README, Benchmarks).
        builder.NoResetOnClose = true;
        ConnectionString = builder.ConnectionString;
        Describe = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        source = NpgsqlDataSource.Create(builder);
    }

    public override SqlDialect Dialect => SqlDialect.Postgres;

    public override string Describe { get; }

    /// <summary>For Hangfire's own PostgreSQL storage, which opens its own connections.</summary>
    public string ConnectionString { get; }

    public override DbConnection Open() => source.OpenConnection();

    public void Dispose() => source.Dispose();
}

/// <summary>
/// Runs each piece of write work in its own transaction on a pooled connection. Unlike SQLite, PostgreSQL lets
/// writers run side by side; where HealthBot's decisions need one-at-a-time (a contact's daily cap, a campaign's
/// planning) the stores take an advisory lock through <see cref="SqlDialect.Lock"/>.
/// </summary>
public sealed class PostgresWriter(PostgresDatabase database, IOptions<StorageOptions> options) : IDatabaseWriter
{
    private const int Attempts = 4;
    private readonly SemaphoreSlim slots = new(options.Value.PostgresWriters);

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work)
    {
        await slots.WaitAsync();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await Task.Run(() => Run(work));
                }
                catch (PostgresException ex) when (ex.IsTransient && attempt < Attempts)
                {
                    // Deadlock or serialization failure: the transaction was rolled back whole, so running it again is safe.
                    await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt));
                }
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private T Run<T>(Func<DbConnection, DbTransaction, T> work)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }
}
