using System.Data.Common;
using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>What the database says about this node's clock: jumps not yet confirmed, the messages still to be
/// compared with the clock (those after the last confirmation), and the last heartbeat.</summary>
public sealed record ClockRecord(
    IReadOnlyList<ClockJump> OpenJumps, long TrustedAfterMessage, DateTimeOffset? Heartbeat);

/// <summary>
/// The <c>clock_events</c> and <c>clock_heartbeats</c> tables (migration 0022): jumps, staff confirmations (also in
/// the audit log) and the latest time each node saw. Per node: on PostgreSQL each node has its own clock.
/// </summary>
public sealed class SqlClockEvents(Database database, IDatabaseWriter writer, IOptions<StorageOptions> storage)
{
    private string Node => storage.Value.Node;

    /// <summary>Null when the database cannot be read (or predates migration 0022): its own check says so.</summary>
    public ClockRecord? Read()
    {
        if (!storage.Value.IsPostgres && !File.Exists(storage.Value.DatabasePath))
        {
            return null;
        }

        try
        {
            using var connection = database.Open();
            const string Open = """
                SELECT at, expected_at FROM clock_events WHERE node = @n AND kind = 'jump' AND id >
                    COALESCE((SELECT MAX(id) FROM clock_events WHERE node = @n AND kind = 'confirm'), 0) ORDER BY id
                """;
            var jumps = new List<ClockJump>();
            using (var reader = connection.Command(Open).With("@n", Node).ExecuteReader())
            {
                while (reader.Read())
                {
                    jumps.Add(new ClockJump(reader.GetTime(0), reader.GetTime(1)));
                }
            }

            var trusted = connection.Command(
                    "SELECT COALESCE(MAX(last_message_id), 0) FROM clock_events WHERE node = @n AND kind = 'confirm'")
                .With("@n", Node).ScalarLong();
            var beat = connection.Command("SELECT seen_at FROM clock_heartbeats WHERE node = @n").With("@n", Node)
                .ExecuteScalar();
            return new ClockRecord(jumps, trusted, DbExtensions.ToTime(beat));
        }
        catch (DbException)
        {
            return null;
        }
    }

    public Task RecordAsync(IReadOnlyList<ClockJump> jumps) => writer.WriteAsync((c, t) => Insert(c, t, jumps));

    public Task HeartbeatAsync(DateTimeOffset now) => writer.WriteAsync((c, t) => Beat(c, t, now));

    /// <summary>
    /// Staff say the clock is right now: open jumps are closed, messages stored so far no longer count against the
    /// clock, the heartbeat starts again from now, and the audit log says who, when and what the clock said.
    /// </summary>
    public Task ConfirmAsync(IReadOnlyList<ClockJump> unstored, string actor, DateTimeOffset now, string? problem) =>
        writer.WriteAsync((c, t) =>
        {
            Insert(c, t, unstored);
            c.Command("""
                INSERT INTO clock_events (node, kind, at, actor, last_message_id)
                VALUES (@n, 'confirm', @at, @a, (SELECT COALESCE(MAX(id), 0) FROM messages))
                """, t).With("@n", Node).With("@at", now).With("@a", actor).ExecuteNonQuery();
            Beat(c, t, now);
            const string Audit = "INSERT INTO audit_log (at, actor, action, target, detail) " +
                                 "VALUES (@at, @a, 'clock.confirm', @n, @d)";
            c.Command(Audit, t)
                .With("@at", now).With("@a", actor).With("@n", Node)
                .With("@d", $"the clock said {now:yyyy-MM-dd HH:mm:ss} UTC; held because: {problem ?? "nothing"}")
                .ExecuteNonQuery();
            return 0;
        });

    private int Insert(DbConnection c, DbTransaction t, IReadOnlyList<ClockJump> jumps)
    {
        foreach (var jump in jumps)
        {
            c.Command("INSERT INTO clock_events (node, kind, at, expected_at) VALUES (@n, 'jump', @at, @e)", t)
                .With("@n", Node).With("@at", jump.At).With("@e", jump.Expected).ExecuteNonQuery();
        }

        return jumps.Count;
    }

    private int Beat(DbConnection c, DbTransaction t, DateTimeOffset now) =>
        c.Command("""
            INSERT INTO clock_heartbeats (node, seen_at) VALUES (@n, @at)
            ON CONFLICT (node) DO UPDATE SET seen_at = excluded.seen_at
            """, t).With("@n", Node).With("@at", now).ExecuteNonQuery();
}
