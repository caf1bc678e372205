using HealthBot.Channels;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Privacy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthBot.Operability;

/// <summary>
/// ASP.NET Core health checks. <c>/healthz</c>: the process answers (no checks run). <c>/readyz</c>: every check tagged
/// <see cref="ReadyTag"/> (the database opens with keys that read its data, content is loaded, no reply waits
/// too long in the outbox), shown with the model's state (the service is ready without a model: curated answers
/// need none) and each probed provider's state (a provider that is down does not make the service unready: replies
/// wait in the outbox).
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<ContentHealthCheck>("content", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (http, _) => http.Response.WriteAsync("ok"),
        });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        });
        return app;
    }

    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        var services = http.RequestServices;
        var library = services.GetRequiredService<ContentCatalog>();
        var providers = services.GetRequiredService<ProviderMonitor>();
        var database = report.Entries.GetValueOrDefault("database");
        var outbox = report.Entries.GetValueOrDefault("outbox");
        var backups = services.GetRequiredService<HealthBot.Maintenance.BackupStatusFile>();
        var channels = services.GetRequiredService<ChannelRegistry>();
        var time = services.GetRequiredService<TimeProvider>();
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "ready" : "not-ready",
            database = new
            {
                ok = database.Status == HealthStatus.Healthy,
                schema = database.Data?.GetValueOrDefault("schema") ?? -1L,
            },
            content = new
            {
                loaded = library.IsLoaded,
                items = library.Current.Items.Count,
                languages = library.Current.Languages.Order().ToArray(),
                problems = library.Current.Errors.Count,
            },
            model = new { state = services.GetServices<IModelStatus>().FirstOrDefault()?.State ?? "off" },
            // The last backup is shown, never a reason to stop answering.
            backup = new
            {
                ok = backups.Read()?.Ok is { } done ? done && !backups.InFuture(time) : (bool?)null,
                last = backups.Read()?.At,
                summary = backups.Describe(time),
            },
            // A provider that is down does not make the service unready: replies wait in the outbox.
            providers = providers.States.Select(p =>
                new { name = p.Provider, up = p.Up, detail = p.Detail, since = p.Since }),
            // What each provider folder registered: a provider without credentials stays off and says why.
            channels = channels.Channels.Select(c => new { name = c.Name, provider = channels.Sender(c.Name)?.Name }),
            registered = channels.Providers.Select(p => new
            {
                name = p.Name, channels = p.Channels.Select(c => c.Name), sends = p.Sends,
                configured = p.Configured, detail = p.Note,
            }),
            // A clock that holds campaigns (behind the data, or jumped) is shown; replies still go out, so it is ready.
            clock = services.GetRequiredService<HealthBot.Maintenance.ClockCheck>().CachedCheck(NullLogger.Instance) is
                { } clockProblem
                ? new { ok = false, campaigns = "held", problem = (string?)clockProblem }
                : new { ok = true, campaigns = "sending", problem = (string?)null },
            outbox = new
            {
                ok = outbox.Status == HealthStatus.Healthy,
                oldest_due_seconds = outbox.Data?.GetValueOrDefault("oldest_due_seconds") ?? 0d,
                furthest_due_seconds = outbox.Data?.GetValueOrDefault("furthest_due_seconds") ?? 0d,
                problem = outbox.Description,
            },
        };
        return http.Response.WriteAsJsonAsync(body);
    }

    /// <summary>
    /// Never ready on data the keys cannot read (the start refuses it; a host that skipped the check is not).
    /// </summary>
    private sealed class DatabaseHealthCheck(Database database, DataKeyCheck keys) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                using var connection = database.Open();
                var schema = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").ScalarLong();
                var data = new Dictionary<string, object> { ["schema"] = schema };
                return Task.FromResult(keys.Verified
                    ? HealthCheckResult.Healthy(data: data)
                    : HealthCheckResult.Unhealthy("the data keys are not verified", data: data));
            }
            catch (System.Data.Common.DbException ex)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("the database does not open", ex));
            }
        }
    }

    private sealed class ContentHealthCheck(ContentCatalog content) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(content.IsLoaded
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("no content loaded"));
    }
}

/// <summary>Reported by the model feature so /readyz can show it; absent means "off".</summary>
public interface IModelStatus
{
    string State { get; }
}
