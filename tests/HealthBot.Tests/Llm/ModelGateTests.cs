using HealthBot.Llm;
using Microsoft.Extensions.Time.Testing;

namespace HealthBot.Tests.Llm;

/// <summary>The queue in front of the model, on a fake clock: who waits, who is turned away at once, who gives up.</summary>
public sealed class ModelGateTests
{
    [Fact]
    public async Task A_request_that_would_wait_past_its_deadline_is_turned_away_at_once()
    {
        var time = new FakeTimeProvider();
        var gate = new ModelGate(1, time);
        using (var first = (await gate.EnterAsync(TimeSpan.FromSeconds(30), CancellationToken.None)).Lease!)
        {
            time.Advance(TimeSpan.FromSeconds(8)); // a typical generation takes 8 s
            first.Completed();
        }

        using var holder = (await gate.EnterAsync(TimeSpan.FromSeconds(30), CancellationToken.None)).Lease!;
        var (lease, reason) = await gate.EnterAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Null(lease);
        Assert.Equal("busy", reason);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task A_queued_request_gets_the_slot_when_it_frees_up_within_the_deadline()
    {
        var time = new FakeTimeProvider();
        var gate = new ModelGate(1, time);
        var holder = (await gate.EnterAsync(TimeSpan.FromSeconds(30), CancellationToken.None)).Lease!;

        var waiting = gate.EnterAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, gate.Waiting);
        holder.Dispose();
        var (lease, reason) = await waiting;

        Assert.NotNull(lease);
        Assert.Null(reason);
        Assert.Equal(1, gate.PeakActive);
        lease.Dispose();
    }

    [Fact]
    public async Task A_queued_request_gives_up_when_its_deadline_passes()
    {
        var time = new FakeTimeProvider();
        var gate = new ModelGate(1, time);
        using var holder = (await gate.EnterAsync(TimeSpan.FromSeconds(30), CancellationToken.None)).Lease!;

        var waiting = gate.EnterAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(6));
        var (lease, reason) = await waiting;

        Assert.Null(lease);
        Assert.Equal("queue-timeout", reason);
    }

    [Fact]
    public async Task Slots_up_to_MaxConcurrent_are_given_without_waiting()
    {
        var gate = new ModelGate(2, new FakeTimeProvider());

        var a = await gate.EnterAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        var b = await gate.EnterAsync(TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.NotNull(a.Lease);
        Assert.NotNull(b.Lease);
        Assert.Equal(2, gate.Active);
        a.Lease.Dispose();
        b.Lease.Dispose();
        Assert.Equal(0, gate.Active);
    }
}
