using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>
/// Watches the clock while <c>serve</c> runs: at start, a clock more than <see cref="ClockOptions.MaxJump"/> behind
/// the last heartbeat is a jump back; then every <see cref="ClockOptions.CheckInterval"/> (and at once when a send saw
/// a jump) it compares wall and monotonic time, stores jumps, and stores a heartbeat every
/// <see cref="ClockOptions.HeartbeatInterval"/> while the clock looks right. A jump forward at start cannot be told
/// from a box that was off for days, so it is not one (the check against stored data still applies).
/// </summary>
public sealed class ClockWatch(
    ClockJumpDetector jumps, ClockHold hold, ClockCheck clock, SqlClockEvents events, ClockCorrection correction,
    TimeProvider time, IOptions<ClockOptions> options, ILogger<ClockWatch> logger) : BackgroundService
{
    private long? lastBeat;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        CheckAtStart();
        var wake = jumps.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await TickAsync();
            var delay = Task.Delay(options.Value.CheckInterval, time, stoppingToken);
            if (await Task.WhenAny(wake, delay) == wake && !stoppingToken.IsCancellationRequested)
            {
                wake = jumps.WaitAsync(stoppingToken);
            }
        }
    }

    /// <summary>One look at the clock: what the periodic check does (tests call it as the harness's step).</summary>
    public async Task TickAsync()
    {
        try
        {
            jumps.Observe();
            var back = jumps.Pending.Any(j => j.By < TimeSpan.Zero); // seen here, by a send, or at start
            await hold.StorePendingAsync();
            if (back)
            {
                // Back from a clock that was ahead: what it scheduled far ahead comes back now (still held until
                // confirmed, but then only for the normal ten minutes).
                await correction.ApplyAsync();
            }

            var ticks = time.GetTimestamp();
            var due = lastBeat is not { } beat || time.GetElapsedTime(beat, ticks) >= options.Value.HeartbeatInterval;
            if (due && clock.Check() is null)
            {
                await events.HeartbeatAsync(time.GetUtcNow());
                lastBeat = ticks;
            }
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogWarning(ex, "The clock's state could not be stored; trying again at the next check");
        }
    }

    private void CheckAtStart()
    {
        jumps.Observe(); // the baseline later checks compare with
        var now = time.GetUtcNow();
        if (events.Read()?.Heartbeat is { } beat && beat - now > options.Value.MaxJump)
        {
            jumps.Add(new ClockJump(now, beat));
        }
    }
}
