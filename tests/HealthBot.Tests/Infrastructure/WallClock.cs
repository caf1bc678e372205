using Microsoft.Extensions.Time.Testing;

namespace HealthBot.Tests.Infrastructure;

/// <summary>
/// Fake time whose wall clock can jump (someone runs <c>date -s</c>, a modem or NTP sets it) while the monotonic
/// clock (<see cref="TimeProvider.GetTimestamp"/>) keeps counting only the time that really passed, as on a real box.
/// <see cref="FakeTimeProvider.Advance"/> moves both.
/// </summary>
public sealed class WallClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly long origin = start.UtcTicks;
    private TimeSpan shift;

    /// <summary>Moves the wall clock only.</summary>
    public void Jump(TimeSpan by) => shift += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;

    /// <summary>Time that really passed since the start: <see cref="FakeTimeProvider.Advance"/> and
    /// <c>SetUtcNow</c> (existing tests' way of letting time pass) move it, a <see cref="Jump"/> never.</summary>
    public override long GetTimestamp() => base.GetUtcNow().UtcTicks - origin;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
}
