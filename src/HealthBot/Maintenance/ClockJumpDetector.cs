using System.Globalization;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>A jump of the wall clock: it said <see cref="At"/> when, by the time that really passed, it should
/// have said <see cref="Expected"/>.</summary>
public sealed record ClockJump(DateTimeOffset At, DateTimeOffset Expected)
{
    public TimeSpan By => At - Expected;

    public string Describe()
    {
        var (days, hours) = (Math.Abs(By.TotalDays), Math.Abs(By.TotalHours));
        var size = days >= 2
            ? $"{days.ToString("0.#", CultureInfo.InvariantCulture)} days"
            : $"{hours.ToString("0.#", CultureInfo.InvariantCulture)} hours";
        var direction = By > TimeSpan.Zero ? "forward" : "back";
        return $"the clock jumped {size} {direction}: it said {At:yyyy-MM-dd HH:mm} UTC where " +
               $"{Expected:yyyy-MM-dd HH:mm} UTC was expected";
    }
}

/// <summary>
/// Compares how far the wall clock moved with how far the monotonic clock moved
/// (<see cref="TimeProvider.GetTimestamp"/>, which <c>date -s</c>, NTP, fake-hwclock or a modem's network time never move). A difference over
/// <see cref="ClockOptions.MaxJump"/> is a jump. Observed by <see cref="ClockWatch"/> every
/// <see cref="ClockOptions.CheckInterval"/> and before each campaign send, so a send never goes out on a jumped clock.
/// </summary>
public sealed class ClockJumpDetector(
    TimeProvider time, IOptions<ClockOptions> options, ILogger<ClockJumpDetector> logger)
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim detected = new(0);
    private readonly List<ClockJump> pending = [];
    private (DateTimeOffset Wall, long Ticks)? last;

    /// <summary>Jumps seen but not stored yet: they hold sends at once, <see cref="ClockWatch"/> stores them.</summary>
    public IReadOnlyList<ClockJump> Pending
    {
        get
        {
            lock (gate)
            {
                return [.. pending];
            }
        }
    }

    /// <summary>The jump since the last observation, if any (also added to <see cref="Pending"/>).</summary>
    public ClockJump? Observe()
    {
        var (wall, ticks) = (time.GetUtcNow(), time.GetTimestamp());
        ClockJump? jump = null;
        lock (gate)
        {
            if (last is { } previous)
            {
                var expected = previous.Wall + time.GetElapsedTime(previous.Ticks, ticks);
                if ((wall - expected).Duration() > options.Value.MaxJump)
                {
                    jump = new ClockJump(wall, expected);
                }
            }

            last = (wall, ticks);
        }

        if (jump is not null)
        {
            Add(jump);
        }

        return jump;
    }

    /// <summary>A jump found another way (the clock gone back since the service last ran).</summary>
    public void Add(ClockJump jump)
    {
        lock (gate)
        {
            pending.Add(jump);
        }

        logger.LogError(
            "Campaign messages are held: {Jump}. They go out again once staff confirm the time (workspace: Clock; " +
            "or healthbot clock confirm)", jump.Describe());
        detected.Release();
    }

    /// <summary>Completes when a jump is observed (by anyone), so it is stored at once.</summary>
    public Task WaitAsync(CancellationToken ct) => detected.WaitAsync(ct);

    /// <summary>Drops jumps once they are stored (until then they keep holding sends from memory).</summary>
    public void Forget(IEnumerable<ClockJump> stored)
    {
        lock (gate)
        {
            foreach (var jump in stored)
            {
                pending.Remove(jump);
            }
        }
    }
}
