using HealthBot.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HealthBot.Outbox;

/// <summary>
/// Readiness of the sending side: unhealthy when a reply has been due for longer than
/// <see cref="OutboxOptions.ReadyMaxAge"/> without being sent (a stuck or missing sender). Reports the age in seconds.
/// </summary>
public sealed class OutboxHealthCheck(IOutboxStore outbox, TimeProvider time, IOptions<OutboxOptions> options)
    : IHealthCheck
{
    /// <summary>Replies are queued at priority 10, urgent ones at 20; campaigns below (Campaigns:Priority).</summary>
    private const int ReplyPriority = 10;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var oldest = await outbox.OldestDueAsync(ReplyPriority, ct);
        var age = oldest is { } due ? time.GetUtcNow() - due : TimeSpan.Zero;
        var data = new Dictionary<string, object>
        {
            ["oldest_due_seconds"] = Math.Max(0, Math.Round(age.TotalSeconds)),
        };
        return age > options.Value.ReadyMaxAge
            ? HealthCheckResult.Unhealthy($"a reply has waited {age.TotalMinutes:0} minutes to be sent", data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}
