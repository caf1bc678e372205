namespace HealthBot.Maintenance;

/// <summary>
/// The hold a clock jump puts on campaign messages: jumps are stored (so the hold outlives a restart and
/// <c>healthbot doctor</c> sees it), and released only when staff confirm the time is right, in the workspace (admins,
/// the Clock page) or on the box (<c>healthbot clock confirm</c>); both are audited. Not released by itself after a
/// while: a clock that stays wrong is steady too.
/// </summary>
public sealed class ClockHold(
    SqlClockEvents events, ClockJumpDetector jumps, ClockCheck clock, ClockCorrection correction, TimeProvider time,
    ILogger<ClockHold> logger)
{
    private readonly SemaphoreSlim storing = new(1, 1);

    /// <summary>Stores the jumps seen in memory; one at a time with confirmations, so none lands after one.</summary>
    public async Task StorePendingAsync()
    {
        await storing.WaitAsync();
        try
        {
            var pending = jumps.Pending;
            if (pending.Count > 0)
            {
                await events.RecordAsync(pending);
                jumps.Forget(pending);
            }
        }
        finally
        {
            storing.Release();
        }
    }

    /// <summary>Staff say the clock is right now (<paramref name="actor"/>: their address, or <c>cli</c>).</summary>
    public async Task ConfirmAsync(string actor)
    {
        await storing.WaitAsync();
        try
        {
            var problem = clock.Check();
            var pending = jumps.Pending;
            await events.ConfirmAsync(pending, actor, time.GetUtcNow(), problem);
            jumps.Forget(pending);
            clock.Invalidate();
            logger.LogWarning("Staff confirmed the clock ({Now:u}): campaign messages go out again", time.GetUtcNow());
            await correction.ApplyAsync();
        }
        finally
        {
            storing.Release();
        }
    }
}
