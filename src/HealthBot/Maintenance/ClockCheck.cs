using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>
/// Whether the box's clock can be trusted: a Raspberry Pi has no real-time clock, and an offline box no NTP, so after
/// a power cut it may start in the past. A clock earlier than the newest stored message is certainly wrong.
/// </summary>
public sealed class ClockCheck(Database database, IOptions<StorageOptions> storage, TimeProvider time)
{
    public const string Fix =
        "set the time (sudo date -s '2026-12-05 14:30'), then keep it: install fake-hwclock (sudo apt-get install " +
        "fake-hwclock), fit an RTC or GPS module, or let the modem give the network time (see deploy/INSTALL.md)";

    /// <summary>A few minutes of drift between nodes or after NTP corrects itself are not worth an alarm.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly Lock gate = new();
    private (DateTimeOffset At, string? Problem)? cached;

    /// <summary>
    /// <see cref="Check"/>, at most once a minute (campaign sends ask for every message): null when the clock can be
    /// trusted to send at the right hour.
    /// </summary>
    public string? CachedCheck(ILogger logger)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (cached is { } last && now >= last.At && now - last.At < TimeSpan.FromMinutes(1))
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
        }

        return problem;
    }

    /// <summary>Null when the clock looks right, else what is wrong with it.</summary>
    public string? Check()
    {
        var now = time.GetUtcNow();
        return NewestStored() is { } newest && now < newest - Tolerance
            ? $"the clock says {now:yyyy-MM-dd HH:mm} UTC, earlier than the newest stored message " +
              $"({newest:yyyy-MM-dd HH:mm} UTC): the clock is wrong"
            : null;
    }

    private DateTimeOffset? NewestStored()
    {
        if (!storage.Value.IsPostgres && !File.Exists(storage.Value.DatabasePath))
        {
            return null;
        }

        try
        {
            using var connection = database.Open();
            // The newest of the latest messages by id (cheap, by primary key): messages stored after the clock went
            // back carry earlier times than those before them, so the last one alone would not tell.
            const string Newest =
                "SELECT MAX(created_at) FROM (SELECT created_at FROM messages ORDER BY id DESC LIMIT 1000)";
            return connection.Command(Newest).ExecuteScalar() is string newest
                ? newest.ToDateTimeOffset()
                : null;
        }
        catch (System.Data.Common.DbException)
        {
            return null; // a database that cannot be read is reported by its own check
        }
    }
}
