namespace HealthBot.Llm;

/// <summary>
/// The bounded queue in front of the model: at most <c>MaxConcurrent</c> generations at once. A request whose expected
/// wait plus one generation would pass its deadline is turned away at once (the person gets the curated text now
/// rather than later); one that queues gives up when its deadline passes.
/// </summary>
public sealed class ModelGate(int maxConcurrent, TimeProvider time)
{
    private const double Smoothing = 0.3;
    private readonly SemaphoreSlim slots = new(maxConcurrent, maxConcurrent);
    private readonly Lock statistics = new();
    private int waiting;
    private int active;
    private double averageMs;

    public int MaxConcurrent => maxConcurrent;

    public int Active => Volatile.Read(ref active);

    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>The most generations ever seen running at once (for tests and the benchmark).</summary>
    public int PeakActive { get; private set; }

    /// <summary>Smoothed duration of recent generations; zero until one has finished.</summary>
    public TimeSpan TypicalGeneration
    {
        get
        {
            lock (statistics)
            {
                return TimeSpan.FromMilliseconds(averageMs);
            }
        }
    }

    /// <summary>How long a request arriving now would wait for a slot.</summary>
    public TimeSpan ExpectedWait()
    {
        if (slots.CurrentCount > 0)
        {
            return TimeSpan.Zero;
        }

        // Every MaxConcurrent finished generations let one more round of the queue in.
        var rounds = (Waiting / maxConcurrent) + 1;
        return TypicalGeneration * rounds;
    }

    /// <summary>A slot, or null with the reason: "busy" (turned away at once) or "queue-timeout".</summary>
    public async Task<(Lease? Lease, string? Reason)> EnterAsync(TimeSpan deadline, CancellationToken ct)
    {
        if (slots.Wait(0, CancellationToken.None))
        {
            return (Start(), null);
        }

        if (ExpectedWait() + TypicalGeneration > deadline)
        {
            return (null, "busy");
        }

        Interlocked.Increment(ref waiting);
        try
        {
            using var timeout = new CancellationTokenSource(deadline, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            await slots.WaitAsync(linked.Token);
            return (Start(), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, "queue-timeout");
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    private Lease Start()
    {
        var now = Interlocked.Increment(ref active);
        lock (statistics)
        {
            PeakActive = Math.Max(PeakActive, now);
        }

        return new Lease(this, time.GetTimestamp());
    }

    private void Finish(long started, bool measured)
    {
        if (measured)
        {
            var ms = time.GetElapsedTime(started).TotalMilliseconds;
            lock (statistics)
            {
                averageMs = averageMs == 0 ? ms : (Smoothing * ms) + ((1 - Smoothing) * averageMs);
            }
        }

        Interlocked.Decrement(ref active);
        slots.Release();
    }

    /// <summary>A held slot. Dispose releases it; <see cref="Completed"/> first when the duration is representative.</summary>
    public sealed class Lease(ModelGate gate, long started) : IDisposable
    {
        private bool measured;
        private int disposed;

        /// <summary>The generation ran to its end: its duration feeds the wait estimate (a timed-out one would skew it).</summary>
        public void Completed() => measured = true;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                gate.Finish(started, measured);
            }
        }
    }
}
