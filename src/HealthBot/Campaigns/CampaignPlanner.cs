using System.Collections.Concurrent;
using System.Globalization;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Sms;
using Microsoft.Extensions.Options;

namespace HealthBot.Campaigns;

/// <summary>A run to plan: a once or recurring occurrence, or a planning window of a relative schedule.</summary>
public sealed record PlanRequest(long CampaignId, string RunKey);

/// <summary>
/// Turns a campaign run into outbox rows: streams the audience a page at a time, works out each contact's message,
/// language and due time (moved out of the contact's quiet hours), and writes the page in one transaction. It never
/// sends: the outbox dispatcher does, at the throttled rate, after the send-time check.
/// </summary>
public sealed partial class CampaignPlanner(
    SqlCampaignStore campaigns,
    SqlAudienceStore audience,
    SqlCampaignPlanStore plans,
    OutboxSignal outbox,
    IOptions<CampaignOptions> options,
    IOptions<DialogOptions> dialog,
    ILogger<CampaignPlanner> logger,
    Telemetry.HealthBotTelemetry telemetry)
{
    private static readonly TimeSpan RelativeStep = TimeSpan.FromMinutes(15);

    /// <summary>A planner beats with every page (well under a second); silence this long means it died.</summary>
    public static readonly TimeSpan Orphaned = TimeSpan.FromMinutes(2);
    private readonly CampaignOptions settings = options.Value;
    private readonly TimeZoneInfo defaultZone = CampaignClock.Zone(options.Value.DefaultTimeZone, TimeZoneInfo.Utc);

    // Contacts share a few zones and texts: look each up, and fit each text to SMS, once per planner.
    private readonly ConcurrentDictionary<string, TimeZoneInfo> zones = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string, string), string> fitted = new();

    private TimeZoneInfo DefaultZone => defaultZone;

    /// <summary>The runs of active campaigns that are due at <paramref name="now"/> and not planned yet.</summary>
    public IReadOnlyList<PlanRequest> DueRuns(DateTimeOffset now)
    {
        var due = new List<PlanRequest>();
        foreach (var row in campaigns.List(CampaignState.Active))
        {
            var schedule = CampaignDefinition.Parse(row.Definition).Schedule;
            var key = schedule.Kind switch
            {
                CampaignSchedule.Once when now >= CampaignClock.ToInstant(schedule.At!.Value, Zone(schedule)) => "once",
                CampaignSchedule.Recurring => CampaignClock
                    .CronOccurrences(schedule.Cron!, Zone(schedule), now - settings.CatchUp, now)
                    .Select(at => (string?)("at:" + Stamp(at))).LastOrDefault(),
                CampaignSchedule.Relative =>
                    "rel:" + Stamp(new DateTimeOffset(now.UtcTicks - now.UtcTicks % RelativeStep.Ticks, TimeSpan.Zero)),
                _ => null,
            };
            if (key is not null && !campaigns.RunTaken(row.Id, key, Orphaned))
            {
                due.Add(new PlanRequest(row.Id, key));
            }
        }

        return due;
    }

    /// <summary>Plans one run; returns how many sends were new. Planning a run again adds nothing.</summary>
    public async Task<int> PlanAsync(PlanRequest request, CancellationToken ct)
    {
        var row = campaigns.Find(request.CampaignId.ToString(CultureInfo.InvariantCulture));
        if (row is not { State: CampaignState.Active }
            || !await campaigns.BeginRunAsync(row.Id, request.RunKey, Orphaned))
        {
            return 0;
        }

        var campaign = CampaignDefinition.Parse(row.Definition);
        var run = Window(campaign.Schedule, request.RunKey);
        var query = new AudienceQuery(
            campaign.Who,
            campaign.Channels,
            dialog.Value.DefaultLanguage,
            run.AnchorField,
            run.AnchorFrom,
            run.AnchorTo);
        var total = !run.Relative && plans.PlansInDatabase && campaign.Messages.Any(m => m.N is null)
            ? await PlanInDatabaseAsync(row.Id, campaign, request.RunKey, run.Due, query, ct)
            : await PlanPagesAsync(row.Id, campaign, request.RunKey, run, query, ct);
        ct.ThrowIfCancellationRequested();
        await campaigns.FinishRunAsync(row.Id, request.RunKey, total);
        telemetry.Campaign("planned", total);
        logger.LogInformation(
            "Planned campaign {CampaignId} run {RunKey}: {Count} new sends", row.Id, request.RunKey, total);
        return total;
    }

    /// <summary>Reads the audience a page at a time and plans each member here (relative runs, and SQLite).</summary>
    private async Task<int> PlanPagesAsync(
        long campaignId, CampaignDefinition campaign, string runKey, RunWindow run, AudienceQuery query,
        CancellationToken ct)
    {
        var total = 0;
        long last = 0;
        Task<int> writing = Task.FromResult(0);
        while (!ct.IsCancellationRequested)
        {
            var page = audience.Page(query, last, settings.PlanBatchSize);
            total += await writing;
            if (page.Count == 0)
            {
                break;
            }

            last = page[^1].ContactId;
            // The next page is read while this one is written.
            var sends = page.SelectMany(member => Plan(campaign, runKey, run, member)).ToList();
            writing = plans.WriteAsync(campaignId, runKey, settings.Priority, sends);
            outbox.Set();
        }

        return total;
    }

    private IEnumerable<PlannedSend> Plan(
        CampaignDefinition campaign, string runKey, RunWindow run, AudienceMember member)
    {
        var zone = member.TimeZone is null
            ? DefaultZone
            : zones.GetOrAdd(member.TimeZone, id => CampaignClock.Zone(id, DefaultZone));
        var language = member.Language ?? dialog.Value.DefaultLanguage;
        IEnumerable<(int? N, string Key, DateTimeOffset Due)> occurrences = run.Relative
            ? Relative(campaign.Schedule, member, zone, run)
            : [(null, runKey, run.Due)];
        foreach (var (n, key, due) in occurrences)
        {
            if (!campaign.Messages.Any(m => m.N == n || m.N is null))
            {
                continue;
            }

            var text = campaign.TextFor(n, language);
            var at = settings.QuietHours.NextAllowed(due, zone);
            yield return text is null
                ? new PlannedSend(member.ContactId, member.Channel, key, null, language, at, "no_message_in_language")
                : new PlannedSend(
                    member.ContactId, member.Channel, key, Fitted(text, member.Channel, language), language, at, null);
        }
    }

    private static IEnumerable<(int?, string, DateTimeOffset)> Relative(
        CampaignSchedule schedule, AudienceMember member, TimeZoneInfo zone, RunWindow run) =>
        DateOnly.TryParseExact(
            member.Anchor, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var anchor)
            ? CampaignClock.RelativeOccurrences(schedule, anchor, zone, run.After, run.Until)
                .Select(o => ((int?)o.N, $"n:{o.N}", o.Due))
            : [];

    private string Fitted(string text, string channel, string language) =>
        fitted.Count < 10000
            ? fitted.GetOrAdd((text, channel, language), k => ForChannel(k.Item1, k.Item2, k.Item3))
            : ForChannel(text, channel, language);

    /// <summary>
    /// SMS gets GSM-friendly punctuation, and Latin-script text loses the accents GSM-7 cannot carry, as replies do
    /// (<see cref="OutgoingSms.Prepare"/>, which the campaign page's preview measures too).
    /// </summary>
    public static string ForChannel(string text, string channel, string language) =>
        channel != ChannelNames.Sms ? text : OutgoingSms.Prepare(text, language);

    private RunWindow Window(CampaignSchedule schedule, string runKey)
    {
        if (schedule.Kind == CampaignSchedule.Relative)
        {
            var at = Parse(runKey["rel:".Length..]);
            var (after, until) = (at - settings.CatchUp, at + settings.PlanAhead);
            var (from, to) = CampaignClock.AnchorRange(schedule, after, until);
            return new RunWindow(true, at, after, until, schedule.Field, from, to);
        }

        var due = runKey == "once"
            ? CampaignClock.ToInstant(schedule.At!.Value, Zone(schedule))
            : Parse(runKey["at:".Length..]);
        return new RunWindow(false, due, due, due, null, null, null);
    }

    private TimeZoneInfo Zone(CampaignSchedule schedule) => CampaignClock.Zone(schedule.TimeZone, DefaultZone);

    private static string Stamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) =>
        DateTimeOffset.ParseExact(
            stamp, "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private sealed record RunWindow(
        bool Relative,
        DateTimeOffset Due,
        DateTimeOffset After,
        DateTimeOffset Until,
        string? AnchorField,
        DateOnly? AnchorFrom,
        DateOnly? AnchorTo);
}
