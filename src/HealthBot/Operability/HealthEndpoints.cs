using HealthBot.Channels;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Privacy;

namespace HealthBot.Operability;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: the database opens with keys that read its data, content is
/// loaded, and the model's state (the service is ready without a model: curated answers need none),
/// and each probed provider's state.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (
            Database database, DataKeyCheck keys, ContentCatalog content, IEnumerable<IModelStatus> models,
            ProviderMonitor providers, ChannelRegistry channels, HealthBot.Maintenance.BackupStatusFile backups,
            TimeProvider time) =>
        {
            // Never ready on data the keys cannot read (the start refuses it; a host that skipped the check is not).
            var databaseOk = CheckDatabase(database, out var schema) && keys.Verified;
            var library = content.Current;
            var model = models.FirstOrDefault()?.State ?? "off";
            var ready = databaseOk && content.IsLoaded;
            var body = new
            {
                status = ready ? "ready" : "not-ready",
                database = new { ok = databaseOk, schema },
                content = new
                {
                    loaded = content.IsLoaded, items = library.Items.Count,
                    languages = library.Languages.Order().ToArray(), problems = library.Errors.Count,
                },
                model = new { state = model },
                // The last backup is shown, never a reason to stop answering.
                backup = new { ok = backups.Read()?.Ok, last = backups.Read()?.At, summary = backups.Describe(time) },
                // A provider that is down does not make the service unready: replies wait in the outbox.
                providers = providers.States.Select(p =>
                    new { name = p.Provider, up = p.Up, detail = p.Detail, since = p.Since }),
                // What each provider folder registered: a provider without credentials stays off and says why.
                channels = channels.Channels.Select(c =>
                    new { name = c.Name, provider = channels.Sender(c.Name)?.Name }),
                registered = channels.Providers.Select(p => new
                {
                    name = p.Name, channels = p.Channels.Select(c => c.Name), sends = p.Sends,
                    configured = p.Configured, detail = p.Note,
                }),
            };
            return Results.Json(body, statusCode: ready ? 200 : 503);
        });
        return app;
    }

    private static bool CheckDatabase(Database database, out long schema)
    {
        try
        {
            using var connection = database.Open();
            schema = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").ScalarLong();
            return true;
        }
        catch (System.Data.Common.DbException)
        {
            schema = -1;
            return false;
        }
    }
}

/// <summary>Reported by the model feature so /readyz can show it; absent means "off".</summary>
public interface IModelStatus
{
    string State { get; }
}
