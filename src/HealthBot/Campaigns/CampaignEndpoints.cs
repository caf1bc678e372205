using System.Text.Json;
using Hangfire;
using HealthBot.Data;
using HealthBot.Operability;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HealthBot.Campaigns;

/// <summary>
/// The campaign API for the staff workspace, the same operations as <c>healthbot campaign</c>. Reading needs the staff
/// or admin token, changing anything the admin token, as <c>Authorization: Bearer</c> (see <see cref="CampaignTokenHandler"/>).
/// </summary>
public static class CampaignEndpoints
{
    public sealed record TestSendRequest(string Channel, string To, string? Language, int? N);

    public static IEndpointRouteBuilder MapCampaignApi(this IEndpointRouteBuilder app)
    {
        MapReading(app.MapGroup("/api/campaigns").RequireAuthorization(CampaignTokenHandler.ReadPolicy));
        MapChanging(app.MapGroup("/api").RequireAuthorization(CampaignTokenHandler.WritePolicy).DisableAntiforgery());
        return app;
    }

    private static void MapReading(RouteGroupBuilder read)
    {
        read.MapGet("/", (CampaignService s) => Results.Json(s.List().Select(Summary)));
        read.MapGet("/{id}", (string id, CampaignService s) => s.Find(id) is { } row ? Results.Json(Detail(row)) : NotFound(id));
        read.MapGet("/{id}/report", (string id, CampaignService s) => s.Find(id) is { } row ? Results.Json(s.Report(row.Id)) : NotFound(id));
        read.MapGet("/{id}/preview", (string id, CampaignService s) =>
            s.Find(id) is { } row ? Results.Json(new { audience = s.Preview(CampaignDefinition.Parse(row.Definition)) }) : NotFound(id));
        read.MapPost("/preview", async (HttpRequest request, CampaignService s) =>
        {
            var (definition, problems) = s.Parse(await ReadAsync(request));
            return definition is null || problems.Count > 0 ? Invalid(problems) : Results.Json(new { audience = s.Preview(definition) });
        });
    }

    private static void MapChanging(RouteGroupBuilder write)
    {
        write.MapPost("/campaigns", async (HttpRequest request, CampaignService s, PlanTrigger plan) =>
        {
            var created = await s.CreateAsync(await ReadAsync(request));
            if (created.Id is not { } id)
            {
                return Invalid(created.Problems);
            }

            await plan.NowAsync();
            return Results.Created($"/api/campaigns/{id}", Detail(s.Find(id.ToString(System.Globalization.CultureInfo.InvariantCulture))!));
        });
        MapStateChanges(write);
        MapSending(write);
    }

    private static void MapStateChanges(RouteGroupBuilder write)
    {
        foreach (var (verb, state) in new[] { ("pause", CampaignState.Paused), ("resume", CampaignState.Active), ("cancel", CampaignState.Cancelled) })
        {
            write.MapPost($"/campaigns/{{id}}/{verb}", async (string id, CampaignService s, PlanTrigger plan) =>
            {
                if (s.Find(id) is not { } row)
                {
                    return NotFound(id);
                }

                var changed = await s.SetStateAsync(row.Id, state);
                await plan.NowAsync();
                return changed ? Results.Json(Summary(s.Find(id)!)) : Results.Problem(statusCode: 409, title: $"campaign is {row.State}", detail: $"cannot {verb} it");
            });
        }
    }

    private static void MapSending(RouteGroupBuilder write)
    {
        write.MapPost("/campaigns/{id}/test-send", async (string id, TestSendRequest body, CampaignService s) =>
        {
            if (s.Find(id) is not { } row)
            {
                return NotFound(id);
            }

            var sent = await s.TestSendAsync(CampaignDefinition.Parse(row.Definition), row.Id, body.Channel, body.To, body.Language, body.N);
            return sent.MessageId is { } messageId ? Results.Json(new { messageId }) : Results.Problem(statusCode: 409, title: "not sent", detail: sent.Problem);
        });
        write.MapPost("/campaigns/plan-now", async (PlanTrigger plan) => Results.Json(new { planned = await plan.NowAsync() }));
        write.MapPost("/contacts/import", async (
            HttpRequest request, string? group, ContactImport import, IOptions<HostingOptions> hosting) =>
        {
            // A contacts CSV is larger than the small default body limit every other endpoint keeps.
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = hosting.Value.MaxImportBodyBytes;
            }

            // The CSV is read synchronously, so it is buffered first (ASP.NET Core refuses synchronous body reads).
            using var reader = new StringReader(await ReadAsync(request));
            var result = await import.ImportAsync(reader, group);
            return Results.Json(new { imported = result.Imported, rejected = result.Rejected });
        });
    }

    private static object Summary(CampaignRow row) => new { id = row.Id, name = row.Name, state = row.State, createdAt = row.CreatedAt };

    private static object Detail(CampaignRow row) =>
        new { id = row.Id, name = row.Name, state = row.State, createdAt = row.CreatedAt, definition = JsonDocument.Parse(row.Definition).RootElement };

    private static IResult NotFound(string id) => Results.Problem(statusCode: 404, title: "no such campaign", detail: $"no campaign with id or name '{id}'");

    private static IResult Invalid(IReadOnlyList<string> problems) =>
        Results.Json(new { title = "invalid campaign", problems }, statusCode: 400);

    private static async Task<string> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }
}

/// <summary>
/// Plans what is due now: through Hangfire when this node runs the job server, otherwise inline (one-shot commands,
/// tests, nodes with <c>Campaigns:RunJobs=false</c>).
/// </summary>
public sealed class PlanTrigger(IServiceProvider services, CampaignPlanner planner, TimeProvider time, IOptions<CampaignOptions> options)
{
    public async Task<int> NowAsync(CancellationToken ct = default)
    {
        if (options.Value.RunJobs)
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<CampaignJobs>(j => j.Tick());
            return 0;
        }

        var total = 0;
        foreach (var run in planner.DueRuns(time.GetUtcNow()))
        {
            total += await planner.PlanAsync(run, ct);
        }

        return total;
    }
}
