using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>
/// Whether the box's clock can be trusted: a Raspberry Pi has no real-time clock, and an offline box no NTP, so after
/// a power cut it may start in the past. A clock earlier than the newest stored message (or than the last time the
/// service ran) is certainly wrong; a clock that jumped more than <see cref="ClockOptions.MaxJump"/> is held until
/// staff confirm it (<see cref="ClockConfirmation"/>).
/// </summary>
public sealed class ClockCheck(
    Database database, IOptions<StorageOptions> storage, TimeProvider time, ClockJumpDetector jumps,
    SqlClockEvents events, IOptions<ClockOptions> options)
{
    public const string Fix =
        "set the time (sudo date -s '2026-12-05 14:30'), then keep it: install fake-hwclock (sudo apt-get install " +
        "fake-hwclock), fit an RTC or GPS module, or let the modem give the network time (see deploy/INSTALL.md)";

    public const string ConfirmFix =
        "compare the box's time with a phone's; if it is wrong, set it (sudo date -s '2026-12-05 14:30'). Then an " +
        "admin confirms it in the workspace (the Clock page) or on the box: healthbot clock confirm";

    /// <summary>
    /// How far behind the newest stored message (or the last heartbeat) the clock may be without holding anything:
    /// an hour, or Clock:MaxJump if smaller. Drift between nodes, NTP putting right a clock that ran minutes ahead
    /// (messages stored meanwhile carry those minutes) are not worth a hold; a box that booted hours in the past is.
    /// </summary>
    private TimeSpan Tolerance => options.Value.MaxJump < TimeSpan.FromHours(1) ? options.Value.MaxJump
        : TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private (DateTimeOffset At, string? Problem)? cached;

    /// <summary>Changes when the answer may have changed at once (a jump, a confirmation): caches start over.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// <see cref="Check"/>, at most once a minute while all is well (every five seconds while held), and at once
    /// after a jump (campaign sends ask for every message):
    /// null when the clock can be trusted to send at the right hour.
    /// </summary>
    public string? CachedCheck(ILogger logger)
    {
        var now = time.GetUtcNow();
        var jumped = jumps.Observe() is not null;
        lock (gate)
        {
            // While held, a few seconds: a confirmation by `healthbot clock confirm` (another process, seen only in
            // clock_events) releases sends within seconds; when all is well, a minute.
            if (!jumped && cached is { } last && now >= last.At
                && now - last.At < (last.Problem is null ? TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(5)))
            {
                return last.Problem;
            }
        }

        var problem = Check();
        lock (gate)
        {
            if (problem is not null && cached?.Problem is null)
            {
                logger.LogError("Campaign messages are held: {Problem}. Fix: {Fix}", problem, Fix);
            }
            else if (problem is null && cached?.Problem is not null)
            {
                logger.LogWarning("The clock is right again: campaign messages go out again");
            }

            cached = (now, problem);
            Version += jumped ? 1 : 0;
        }

        return problem;
    }

    /// <summary>Forgets the cached answer (after staff confirmed the time).</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            cached = null;
            Version++;
        }
    }

    /// <summary>Null when the clock looks right, else what is wrong with it.</summary>
    public string? Check() => Jumped() ?? Behind();

    /// <summary>A jump not confirmed yet, with what to do about it.</summary>
    public string? Jumped()
    {
        var open = jumps.Pending.Concat(events.Read()?.OpenJumps ?? []).ToList();
        return open.Count == 0 ? null : $"{open[^1].Describe()}; held until staff confirm the time is right";
    }

    private string? Behind()
    {
        var now = time.GetUtcNow();
        var record = events.Read();
        var newest = NewestStored(record?.TrustedAfterMessage ?? 0);
        if (newest is { } message && now < message - Tolerance)
        {
            return $"the clock says {now:yyyy-MM-dd HH:mm} UTC, earlier than the newest stored message " +
                   $"({message:yyyy-MM-dd HH:mm} UTC): the clock is wrong";
        }

        return record?.Heartbeat is { } beat && now < beat - Tolerance
            ? $"the clock says {now:yyyy-MM-dd HH:mm} UTC, earlier than when the service last ran " +
              $"({beat:yyyy-MM-dd HH:mm} UTC): the clock is wrong"
            : null;
    }

    private DateTimeOffset? NewestStored(long trustedAfter)
    {
        if (!storage.Value.IsPostgres && !File.Exists(storage.Value.DatabasePath))
        {
            return null;
        }

        try
        {
            using var connection = database.Open();
            // The newest of the latest messages by id (cheap, by primary key): messages stored after the clock went
            // back carry earlier times than those before them, so the last one alone would not tell. Messages from
            // before staff last confirmed the clock do not count (a clock that was ahead stamped them in the future).
            const string Newest = "SELECT MAX(created_at) FROM " +
                                  "(SELECT created_at FROM messages WHERE id > @after ORDER BY id DESC LIMIT 1000) m";
            return DbExtensions.ToTime(connection.Command(Newest).With("@after", trustedAfter).ExecuteScalar());
        }
        catch (System.Data.Common.DbException)
        {
            return null; // a database that cannot be read is reported by its own check
        }
    }
}
