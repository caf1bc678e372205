using System.Threading.Channels;
using System.Data.Common;

namespace HealthBot.Data;

/// <summary>
/// The single writer for the SQLite file. SQLite allows one writer at a time; letting many threads race for
/// the lock makes them sleep in SQLite's busy handler (latency in the hundreds of ms under load). Instead,
/// every write is queued here and a single loop commits whatever is waiting in one transaction (group commit),
/// each piece of work inside its own savepoint so that one failure does not undo the others.
/// </summary>
public sealed class SqliteWriter : IDatabaseWriter, IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly SqliteDatabase database;
    private readonly Channel<IWork> queue =
        Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;
    private DbConnection? connection;

    public SqliteWriter(SqliteDatabase database)
    {
        this.database = database;
        loop = Task.Run(RunAsync);
    }

    private interface IWork
    {
        void Execute(DbConnection connection, DbTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction; completes once it is committed.</summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work)
    {
        var item = new Work<T>(work);
        if (!queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter));
        }

        return item.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
        connection?.Dispose();
    }

    /// <summary>
    /// One connection for the writer's lifetime, so its prepared statements are reused; reopened after a failure.
    /// </summary>
    private DbConnection Connection()
    {
        if (connection is null)
        {
            connection = database.OpenForWrite();
            connection.CachePreparedCommands();
        }

        return connection;
    }

    private async Task RunAsync()
    {
        var batch = new List<IWork>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            // No waiting for more work before a commit: a 1 ms wait under load cut the bytes written per message by a
            // quarter but slowed the replies by about as much (their writes wait for the commit), in bench webhooks.
            Take(batch);
            Commit(batch);
            batch.Clear();
        }
    }

    private void Take(List<IWork> batch)
    {
        while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
        {
            batch.Add(work);
        }
    }

    private void Commit(List<IWork> batch)
    {
        var succeeded = new List<IWork>(batch.Count);
        try
        {
            var connection = Connection();
            using var transaction = connection.BeginTransaction();
            // A lone piece of work needs no savepoint: if it fails, the whole transaction is simply rolled back.
            var isolate = batch.Count > 1;
            foreach (var work in batch)
            {
                if (isolate)
                {
                    connection.Command("SAVEPOINT w", transaction).ExecuteNonQuery();
                }

                try
                {
                    work.Execute(connection, transaction);
                    if (isolate)
                    {
                        connection.Command("RELEASE w", transaction).ExecuteNonQuery();
                    }

                    succeeded.Add(work);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    if (!isolate)
                    {
                        transaction.Rollback();
                        work.Fail(ex);
                        return;
                    }

                    connection.Command("ROLLBACK TO w; RELEASE w;", transaction).ExecuteNonQuery();
                    work.Fail(ex);
                }
            }

            transaction.Commit();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The transaction did not begin (another process held the lock past the busy timeout), a savepoint failed,
            // or the commit failed: nothing of this batch is stored. Every piece gets the exception, also the ones
            // that never ran, so no caller waits forever; one already failed keeps its own (Fail is a TrySet).
            connection?.Dispose();
            connection = null;
            foreach (var work in batch)
            {
                work.Fail(ex);
            }

            return;
        }

        foreach (var work in succeeded)
        {
            work.Complete();
        }
    }

    private sealed class Work<T>(Func<DbConnection, DbTransaction, T> work) : IWork
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T result = default!;

        public Task<T> Task => completion.Task;

        public void Execute(DbConnection connection, DbTransaction transaction) =>
            result = work(connection, transaction);

        public void Complete() => completion.TrySetResult(result);

        public void Fail(Exception exception) => completion.TrySetException(exception);
    }
}

