using System.Collections.Concurrent;
using System.Globalization;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Campaigns;

/// <summary>
/// The send-time rules for campaign messages, checked just before the dispatcher sends one: the campaign is still on,
/// the contact has not opted out or left the audience, it is daytime where they are, they are under the daily cap,
/// and WhatsApp's 24-hour window is open. Replies to people who wrote in pass straight through. A send left in doubt
/// by a crash or timeout is looked up at the provider by the dispatcher before this gate runs (Outbox/InDoubtSends.cs).
/// </summary>
public sealed class CampaignSendGate(
    SqlCampaignGateStore store,
    SqlCampaignStore campaigns,
    TimeProvider time,
    IOptions<CampaignOptions> options,
    HealthBot.Maintenance.ClockCheck clock,
    ILogger<CampaignSendGate> logger,
    Telemetry.HealthBotTelemetry telemetry) : IOutboxGate
{
    // Resuming makes paused messages due at once; this only bounds how long one waits if that update is missed.
    private static readonly TimeSpan PausedRecheck = TimeSpan.FromHours(1);
    private static readonly TimeSpan ClockHold = Maintenance.ClockCorrection.NormalDeferral;
    private readonly ConcurrentDictionary<long, IReadOnlyList<string>> groups = new();
    private readonly CampaignOptions settings = options.Value;

    public async Task<OutboxItem?> BeforeSendAsync(OutboxItem item, CancellationToken ct)
    {
        if (item.Kind != SqlCampaignPlanStore.Kind)
        {
            return item;
        }

        long campaignId = 0;
        // A clock behind the stored data (a Pi without RTC after a power cut) would send at the wrong hour: hold.
        var clockProblem = clock.CachedCheck(logger);
        SendDecision Decision(SendSnapshot snapshot, IReadOnlyList<DateTimeOffset> recent)
        {
            campaignId = snapshot.CampaignId;
            var now = time.GetUtcNow();
            return clockProblem is null
                ? Decide(snapshot, recent, now)
                : new SendDecision.Defer(now + ClockHold, $"held: {clockProblem}");
        }

        var decision = await store.DecideAsync(item.OutboxId, item.MessageId, item.ContactId, GroupsOf, Decision);
        return Outcome(item, decision, campaignId, clockProblem);
    }

    /// <summary>The campaign messages of a claimed batch decided in one transaction per
    /// <see cref="SqlCampaignGateStore.Chunk"/> (SqlCampaignGateStore.Batch.cs); other messages pass.</summary>
    public async Task<IReadOnlyList<OutboxItem>> BeforeSendAsync(IReadOnlyList<OutboxItem> items, CancellationToken ct)
    {
        var campaign = items.Where(i => i.Kind == SqlCampaignPlanStore.Kind)
            .Select(i => new GateRow(i.OutboxId, i.MessageId, i.ContactId)).ToList();
        if (campaign.Count == 0)
        {
            return items;
        }

        var clockProblem = clock.CachedCheck(logger);
        var decisions = await store.DecideManyAsync(campaign, GroupsOf, (snapshot, recent) =>
        {
            var now = time.GetUtcNow();
            return clockProblem is null
                ? Decide(snapshot, recent, now)
                : new SendDecision.Defer(now + ClockHold, $"held: {clockProblem}");
        });
        var passed = new List<OutboxItem>(items.Count);
        foreach (var item in items)
        {
            var (decision, campaignId) = item.Kind == SqlCampaignPlanStore.Kind
                && decisions.TryGetValue(item.OutboxId, out var d) ? d : (null, 0L);
            if (Outcome(item, decision, campaignId, clockProblem) is { } send)
            {
                passed.Add(send);
            }
        }

        return passed;
    }

    private OutboxItem? Outcome(OutboxItem item, SendDecision? decision, long campaignId, string? clockProblem)
    {
        switch (decision)
        {
            case SendDecision.Send send:
                return send.AsTemplate ? item with { Template = TemplateFor(campaignId, item.Body) } : item;
            case SendDecision.Defer defer:
                // The clock's reason names the problem in words; the metric keeps one bounded name for it.
                telemetry.Campaign("held", 1, clockProblem is null ? defer.Reason : "clock");
                logger.LogInformation(
                    "Campaign message {MessageId} waits until {Until:u}: {Reason}",
                    item.MessageId, defer.Until, defer.Reason);
                return null;
            case SendDecision.Skip skip:
                telemetry.Campaign("skipped", 1, skip.Reason);
                logger.LogInformation("Campaign message {MessageId} skipped: {Reason}", item.MessageId, skip.Reason);
                return null;
            default:
                return item;
        }
    }

    /// <summary>The rules, in order: permanent reasons first (skip), then reasons to wait (defer).</summary>
    public SendDecision Decide(SendSnapshot send, IReadOnlyList<DateTimeOffset> recentStarts, DateTimeOffset now)
    {
        var zone = CampaignClock.Zone(send.TimeZone, CampaignClock.Zone(settings.DefaultTimeZone, TimeZoneInfo.Utc));
        if (send.CampaignState == CampaignState.Cancelled)
        {
            return new SendDecision.Skip("campaign_cancelled");
        }

        if (send.Consent == Consent.OptedOut)
        {
            return new SendDecision.Skip("opted_out");
        }

        if (!send.StillMember)
        {
            return new SendDecision.Skip("left_audience");
        }

        // Free-form WhatsApp text is refused outside the 24-hour window; only a pre-approved template may be sent there
        // (https://www.twilio.com/docs/whatsapp/tutorial/send-whatsapp-notification-messages-templates).
        var windowClosed = send.Channel == ChannelNames.WhatsApp
                           && (send.LastInboundAt is not { } last || now - last > settings.WhatsAppWindow);
        if (windowClosed && !CampaignHasTemplate(send.CampaignId))
        {
            return new SendDecision.Skip("whatsapp_window_closed");
        }

        if (send.CampaignState == CampaignState.Paused)
        {
            return new SendDecision.Defer(now + PausedRecheck, "paused");
        }

        if (!settings.QuietHours.Allows(now, zone))
        {
            return new SendDecision.Defer(settings.QuietHours.NextAllowed(now, zone), "quiet_hours");
        }

        var (dayStart, dayEnd) = QuietHours.LocalDay(now, zone);
        if (recentStarts.Count(at => at >= dayStart && at < dayEnd) >= settings.DailyCap)
        {
            return new SendDecision.Defer(settings.QuietHours.NextAllowed(dayEnd, zone), "daily_cap");
        }

        return new SendDecision.Send(send.SendState == "started" ? send.StartedAt : null, AsTemplate: windowClosed);
    }

    private IReadOnlyList<string> GroupsOf(long campaignId) =>
        groups.GetOrAdd(campaignId, id => Definition(id)?.Who.Groups ?? []);

    private bool CampaignHasTemplate(long campaignId) => Definition(campaignId)?.WhatsAppTemplate is not null;

    /// <summary>The campaign's template, each variable's <c>{message}</c> replaced by this message's text.</summary>
    private ProviderTemplate? TemplateFor(long campaignId, string body) =>
        Definition(campaignId)?.WhatsAppTemplate is { } template
            ? new ProviderTemplate(template.ContentSid ?? string.Empty, System.Text.Json.JsonSerializer.Serialize(
                (template.Variables ?? new Dictionary<string, string> { ["1"] = "{message}" })
                .ToDictionary(v => v.Key, v => v.Value.Replace("{message}", body, StringComparison.Ordinal))))
            {
                Name = template.Name,
            }
            : null;

    private CampaignDefinition? Definition(long id) =>
        campaigns.Find(id.ToString(CultureInfo.InvariantCulture)) is { } row
            ? CampaignDefinition.Parse(row.Definition)
            : null;
}
