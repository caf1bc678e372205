using HealthBot.Data;
using HealthBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HealthBot.Tests.Data;

/// <summary>
/// Another process (a CLI command, a backup) can hold the SQLite write lock longer than the busy timeout. Then the
/// writer's batch cannot begin: every piece of it must fail with the reason, or the dialog worker and the outbox
/// would wait forever while /readyz says ready.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class SqliteWriterLockTests
{
    [Fact]
    public async Task Every_write_of_a_batch_that_cannot_begin_fails_and_the_writer_recovers_once_the_lock_is_free()
    {
        var database = TestDatabase.Create(Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N")));
        await using var writer = new SqliteWriter(database);
        await using var blocker = new SqliteConnection($"Data Source={database.Path}");
        await blocker.OpenAsync();
        using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO outbox_nodes (node, heartbeat_at) VALUES ('blocker', 'x');";
            await begin.ExecuteNonQueryAsync();
        }

        // The first write occupies the writer (waiting for the lock); the five after it queue up and form one batch.
        var first = Heartbeat(writer, "first");
        await Task.Delay(1000);
        var batch = Enumerable.Range(0, 5).Select(i => Heartbeat(writer, $"node{i}")).ToList();

        var all = batch.Prepend(first).ToList();
        await Task.WhenAny(Task.WhenAll(all), Task.Delay(TimeSpan.FromSeconds(150)));
        Assert.True(all.All(t => t.IsCompleted), $"{all.Count(t => !t.IsCompleted)} of {all.Count} writes never completed");
        Assert.All(all, t => Assert.IsType<SqliteException>(t.Exception?.InnerException));

        using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, await Heartbeat(writer, "after").WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, await NodeCount(database));
    }

    private static Task<int> Heartbeat(SqliteWriter writer, string node) => writer.WriteAsync((connection, transaction) =>
        connection.Command("INSERT INTO outbox_nodes (node, heartbeat_at) VALUES (@n, 'now')", transaction)
            .With("@n", node).ExecuteNonQuery());

    private static Task<int> NodeCount(SqliteDatabase database)
    {
        using var connection = database.Open();
        return Task.FromResult((int)connection.Command("SELECT COUNT(*) FROM outbox_nodes").ScalarLong());
    }
}
