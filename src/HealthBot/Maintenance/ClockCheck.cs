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
            return connection.Command("SELECT MAX(created_at) FROM messages").ExecuteScalar() is string newest
                ? newest.ToDateTimeOffset()
                : null;
        }
        catch (System.Data.Common.DbException)
        {
            return null; // a database that cannot be read is reported by its own check
        }
    }
}
