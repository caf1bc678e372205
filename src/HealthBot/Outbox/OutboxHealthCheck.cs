using HealthBot.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HealthBot.Outbox;

/// <summary>
/// Readiness of the sending side: unhealthy when a reply has been due for longer than
/// <see cref="OutboxOptions.ReadyMaxAge"/> without being sent (a stuck or missing sender), or when one is set to wait
/// further ahead than any retry would (<see cref="OutboxOptions.LongestWait"/>: a retry scheduled on a clock that was
/// ahead, which the dispatcher would have pulled back if it were running). Reports the age in seconds.
/// </summary>
public sealed class OutboxHealthCheck(IOutboxStore outbox, TimeProvider time, IOptions<OutboxOptions> options)
    : IHealthCheck
{
    private const int ReplyPriority = OutboxDispatcher.ReplyPriority;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var oldest = await outbox.OldestDueAsync(ReplyPriority, ct);
        var age = oldest is { } due ? now - due : TimeSpan.Zero;
        var ahead = await outbox.FurthestDueAsync(ReplyPriority, ct) is { } furthest ? furthest - now : TimeSpan.Zero;
        var data = new Dictionary<string, object>
        {
            ["oldest_due_seconds"] = Math.Max(0, Math.Round(age.TotalSeconds)),
            ["furthest_due_seconds"] = Math.Max(0, Math.Round(ahead.TotalSeconds)),
        };
        if (age > options.Value.ReadyMaxAge)
        {
            return HealthCheckResult.Unhealthy(
                $"a reply has waited {age.TotalMinutes:0} minutes to be sent", data: data);
        }

        return ahead > options.Value.LongestWait()
            ? HealthCheckResult.Unhealthy(
                $"a reply is set to wait {ahead.TotalHours:0.#} hours, longer than any retry: the clock was wrong " +
                "when it was scheduled, or the sender is stuck", data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}
