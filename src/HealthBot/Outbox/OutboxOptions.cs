using System.ComponentModel.DataAnnotations;

namespace HealthBot.Outbox;

public sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "Outbox";

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows claimed per round.</summary>
    [Range(1, 10000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Sends in flight at once per sending provider: each provider has its own lane (OutboxLane), so one that hangs
    /// does not take the others' turns.
    /// </summary>
    [Range(1, 256)]
    public int MaxParallelSends { get; set; } = 16;

    /// <summary>
    /// Attempts before a transiently failing message is marked failed. With the default backoff, 200 attempts span
    /// more than a day (<see cref="ShortestRetryWindow"/>): a modem, Kannel or the internet link down for hours, or a
    /// power cut at the gateway, delays replies but loses none.
    /// </summary>
    [Range(1, 10000)]
    public int MaxAttempts { get; set; } = 200;

    /// <summary>Wait before the first retry; doubles each attempt up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Time allowed for one provider call before it counts as a transient failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Most messages per second per channel (e.g. <c>Outbox:RateLimits:sms = 10</c>); a channel without an entry is
    /// not limited. Replies to people who wrote in still go first: they have a higher outbox priority.
    /// </summary>
    public Dictionary<string, double> RateLimits { get; set; } = [];

    /// <summary>
    /// /readyz fails when a reply (or alert) has been due for longer than this and is still not sent: the sender is
    /// stuck. Failed sends wait for their retry without counting; campaign messages (lower priority) may queue behind
    /// a rate limit and do not count either.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReadyMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The furthest ahead a reply's next attempt can legitimately be: the longest backoff with its jitter (1.2), plus
    /// five minutes. A reply due later than this was scheduled on a wrong clock (or by a stuck sender): the dispatcher
    /// pulls it back to now and /readyz fails while one is there.
    /// </summary>
    public TimeSpan LongestWait() => MaxBackoff * 1.2 + TimeSpan.FromMinutes(5);

    /// <summary>How long a message keeps being retried at least, with the jitter at its shortest (0.8).</summary>
    public TimeSpan ShortestRetryWindow()
    {
        var total = 0d;
        for (var attempt = 1; attempt < MaxAttempts; attempt++)
        {
            var exponential = InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
            total += Math.Min(exponential, MaxBackoff.TotalMilliseconds) * 0.8;
        }

        return TimeSpan.FromMilliseconds(total);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (channel, rate) in RateLimits)
        {
            if (rate is <= 0 or > 10000 || double.IsNaN(rate))
            {
                yield return new ValidationResult(
                    $"Outbox:RateLimits:{channel} must be between 0 and 10000 messages per second, got {rate}");
            }
        }
    }
}
