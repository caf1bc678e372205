using System.Data.Common;
using System.Diagnostics.Metrics;
using HealthBot.Data;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Telemetry;

/// <summary>
/// How many messages wait in the outbox and how long the oldest due one has waited, read when metrics are collected.
/// The counts come from the outbox's indexed queries and are reused for <see cref="TelemetryOptions.GaugeCache"/>, so
/// frequent scrapes (or several scrapers) cost at most one set of queries per window.
/// </summary>
public sealed class OutboxGauges
{
    private readonly IOutboxStore outbox;
    private readonly TimeProvider time;
    private readonly TimeSpan cache;
    private readonly ILogger<OutboxGauges> logger;
    private readonly Lock gate = new();
    private Snapshot? last;

    public OutboxGauges(
        HealthBotTelemetry telemetry, IOutboxStore outbox, TimeProvider time, IOptions<TelemetryOptions> options,
        ILogger<OutboxGauges> logger)
    {
        this.outbox = outbox;
        this.time = time;
        this.logger = logger;
        cache = options.Value.GaugeCache;
        telemetry.Meter.CreateObservableGauge(
            "healthbot.outbox.depth", Depth, "{message}", "Outbox rows waiting (pending) or being sent (sending)");
        telemetry.Meter.CreateObservableGauge(
            "healthbot.outbox.oldest_due.age", OldestAge, "s", "How long the longest-waiting due message has waited");
    }

    private IEnumerable<Measurement<long>> Depth() => Read() is { } s
        ? [new(s.Pending, new KeyValuePair<string, object?>("state", "pending")),
            new(s.Sending, new KeyValuePair<string, object?>("state", "sending"))]
        : [];

    private IEnumerable<Measurement<double>> OldestAge() => Read() is { } s
        ? [new(s.OldestDue is { } due ? Math.Max(0, (s.At - due).TotalSeconds) : 0)]
        : [];

    /// <summary>The cached counts, read again when older than the window; null if the database cannot answer.</summary>
    private Snapshot? Read()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (last is { } fresh && now - fresh.At < cache)
            {
                return fresh;
            }

            try
            {
                // The SQL stores answer synchronously; collection runs on the scrape's thread.
                last = new Snapshot(
                    now,
                    outbox.CountAsync("pending").GetAwaiter().GetResult(),
                    outbox.CountAsync("sending").GetAwaiter().GetResult(),
                    outbox.OldestDueAsync(int.MinValue).GetAwaiter().GetResult());
                return last;
            }
            catch (DbException ex)
            {
                logger.LogWarning(ex, "The outbox gauges could not be read");
                return null;
            }
        }
    }

    private sealed record Snapshot(DateTimeOffset At, int Pending, int Sending, DateTimeOffset? OldestDue);
}
