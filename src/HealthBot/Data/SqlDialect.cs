using System.Data.Common;

namespace HealthBot.Data;

/// <summary>
/// What differs between SQLite and PostgreSQL for HealthBot's stores. SQLite has a single writer, so the locks are
/// no-ops there; on PostgreSQL several nodes write at once and the locks make the same decisions safe.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    public abstract string Name { get; }

    /// <summary>The scalar larger-of function: SQLite's two-argument MAX, PostgreSQL's GREATEST.</summary>
    public abstract string Greatest { get; }

    /// <summary>A time column's UTC minute as text, <c>yyyy-MM-ddTHH:mm</c> (SQLite's text, cut short).</summary>
    public abstract string UtcMinute(string column);

    /// <summary>
    /// Query-planner hints for SQLite, which otherwise picks a poor plan for keyset-paged audiences: a unary + keeps it
    /// from using an index on a column, and CROSS JOIN keeps the join order. PostgreSQL's planner needs neither.
    /// </summary>
    public abstract string Unindexed(string column);

    /// <inheritdoc cref="Unindexed"/>
    public abstract string OrderedJoin { get; }

    /// <summary>
    /// Rows per multi-row INSERT when planning: SQLite pays per bound row (about 30 µs each in Microsoft.Data.Sqlite)
    /// and gains little from bigger statements; on PostgreSQL every statement is a round trip, so fewer and larger.
    /// </summary>
    public abstract int RowsPerInsert { get; }

    /// <summary>Appended to a claiming SELECT: rows another node is claiming are skipped rather than waited for.</summary>
    public abstract string ForUpdateSkipLocked(string table);

    /// <summary>Holds a lock on (<paramref name="scope"/>, <paramref name="id"/>) until the transaction ends.</summary>
    public abstract void Lock(DbConnection connection, DbTransaction transaction, LockScope scope, long id);

    /// <summary>
    /// <see cref="Lock"/> on many ids in one round trip, in ascending order of key so that two transactions locking
    /// overlapping sets wait for each other instead of deadlocking.
    /// </summary>
    public abstract void LockMany(
        DbConnection connection, DbTransaction transaction, LockScope scope, IEnumerable<long> ids);

    /// <summary>
    /// A table of many rows passed as one JSON parameter (an array of arrays, <see cref="JsonRows.Of"/>): one statement
    /// for a whole batch, its text the same whatever the batch's size (so prepared once). <paramref name="columns"/>
    /// are (name, <c>bigint</c>, <c>text</c> or <c>timestamptz</c>), in the order of each row's values; a time goes in
    /// as its <see cref="DbExtensions.ToDb"/> text, which SQLite stores as it is and PostgreSQL casts.
    /// </summary>
    public abstract string Rows(string parameter, params (string Name, string Type)[] columns);

    /// <summary>
    /// After a bulk write: PostgreSQL plans queries from table statistics that autovacuum refreshes only about a minute
    /// later, so the sends right after planning 100,000 rows would otherwise scan whole tables (measured: 209 against
    /// N sends a second). SQLite's planner relies on its indexes and needs nothing.
    /// </summary>
    public virtual void RefreshStatistics(DbConnection connection, DbTransaction transaction, params string[] tables)
    {
    }

    /// <summary>A key for <see cref="Lock"/> from a string, the same on every node (FNV-1a; string hashes are per process).</summary>
    public static long Key(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    /// <summary>Hands out <paramref name="count"/> new ids for <paramref name="table"/> that no other writer will use.</summary>
    public abstract long[] ReserveIds(DbConnection connection, DbTransaction transaction, string table, int count);

    private sealed class SqliteDialect : SqlDialect
    {
        public override string Name => "sqlite";

        public override string Greatest => "MAX";

        public override string UtcMinute(string column) => $"substr({column}, 1, 16)";

        public override string OrderedJoin => "CROSS JOIN";

        public override int RowsPerInsert => 40;

        public override string Unindexed(string column) => "+" + column;

        public override string ForUpdateSkipLocked(string table) => string.Empty;

        public override void Lock(DbConnection connection, DbTransaction transaction, LockScope scope, long id)
        {
            // The single writer already runs one piece of work at a time.
        }

        public override void LockMany(
            DbConnection connection, DbTransaction transaction, LockScope scope, IEnumerable<long> ids)
        {
        }

        // https://sqlite.org/json1.html#jeach
        public override string Rows(string parameter, params (string Name, string Type)[] columns) =>
            "(SELECT " + string.Join(", ", columns.Select((c, i) => $"json_extract(value, '$[{i}]') AS {c.Name}")) +
            $" FROM json_each({parameter}))";

        public override long[] ReserveIds(DbConnection connection, DbTransaction transaction, string table, int count)
        {
            // The transaction holds SQLite's write lock (Microsoft.Data.Sqlite begins IMMEDIATE), so nobody else inserts.
            var next = connection.Command($"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}", transaction).ScalarLong();
            return Enumerable.Range(0, count).Select(i => next + i).ToArray();
        }
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override string Name => "postgres";

        public override string Greatest => "GREATEST";

        public override string UtcMinute(string column) =>
            $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI')";

        public override string OrderedJoin => "JOIN";

        // Bounded by PostgreSQL's 65,535 parameters per statement: 6 a row at most (campaign_sends).
        public override int RowsPerInsert => 500;

        public override string Unindexed(string column) => column;

        public override string ForUpdateSkipLocked(string table) => $" FOR UPDATE OF {table} SKIP LOCKED";

        public override void RefreshStatistics(DbConnection connection, DbTransaction transaction, params string[] tables) =>
            connection.Command($"ANALYZE {string.Join(", ", tables)}", transaction).ExecuteNonQuery();

        public override void Lock(DbConnection connection, DbTransaction transaction, LockScope scope, long id) =>
            connection.Command("SELECT pg_advisory_xact_lock(@scope, @id)", transaction)
                .With("@scope", (int)scope).With("@id", Key32(id)).ExecuteScalar();

        public override void LockMany(
            DbConnection connection, DbTransaction transaction, LockScope scope, IEnumerable<long> ids)
        {
            var keys = ids.Select(Key32).Distinct().Order().ToArray();
            if (keys.Length > 0)
            {
                connection.Command(
                        "SELECT COUNT(pg_advisory_xact_lock(@scope, k)) " +
                        "FROM (SELECT k FROM unnest(@keys) k ORDER BY k) s",
                        transaction)
                    .With("@scope", (int)scope).With("@keys", keys).ExecuteScalar();
            }
        }

        // https://www.postgresql.org/docs/current/functions-json.html (json_array_elements, ->>)
        public override string Rows(string parameter, params (string Name, string Type)[] columns) =>
            "(SELECT " + string.Join(", ", columns.Select((c, i) => $"(value->>{i})::{c.Type} AS {c.Name}")) +
            $" FROM json_array_elements(CAST({parameter} AS json)))";

        private static int Key32(long id) => unchecked((int)(id ^ (id >> 32)));

        public override long[] ReserveIds(DbConnection connection, DbTransaction transaction, string table, int count)
        {
            var ids = new List<long>(count);
            using var reader = connection.Command($"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, @n)", transaction)
                .With("@n", count).ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }

            return [.. ids];
        }
    }
}

/// <summary>The parameter value of <see cref="SqlDialect.Rows"/>: each row's values as a JSON array.</summary>
public static class JsonRows
{
    public static string Of<T>(IEnumerable<T> rows, Func<T, object?[]> values) =>
        System.Text.Json.JsonSerializer.Serialize(rows.Select(values));
}

/// <summary>The kinds of advisory lock HealthBot takes on PostgreSQL (the first key of pg_advisory_xact_lock).</summary>
public enum LockScope
{
    Contact = 1,
    Campaign = 2,
    Migration = 3,

    /// <summary>A provider's message id: its status callback and our record of the send, which may race.</summary>
    ProviderMessage = 4,

    /// <summary>The on-call SMS budget: concurrent alerts (PostgreSQL writers, nodes) count it one at a time.</summary>
    AlertSms = 5,
}
