namespace HealthBot.Campaigns;

/// <summary>Once and recurring runs on PostgreSQL: planned inside the database (<see cref="RunPlan"/>).</summary>
public sealed partial class CampaignPlanner
{
    /// <summary>
    /// Plans the run a range of contact ids at a time: at most <see cref="CampaignOptions.PlanBatchSize"/> members
    /// among twice that many ids. The upper bound keeps a range's cost to its own rows whatever plan PostgreSQL picks
    /// (without statistics, as right after an import, "the next N after id X" read every member after X).
    /// </summary>
    private async Task<int> PlanInDatabaseAsync(
        long campaignId, CampaignDefinition campaign, string runKey, DateTimeOffset due, AudienceQuery query,
        CancellationToken ct)
    {
        var message = campaign.Messages.First(m => m.N is null);
        var texts = message.Text.Keys
            .SelectMany(language => campaign.Channels.Select(channel =>
                (language, channel, Fitted(campaign.TextFor(null, language)!, channel, language))))
            .ToList();
        var zoneDue = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal)
        {
            [string.Empty] = settings.QuietHours.NextAllowed(due, DefaultZone),
        };
        var plan = new RunPlan(runKey, texts, new Dictionary<string, DateTimeOffset>(zoneDue));
        var (step, total, after, end) = (settings.PlanBatchSize, 0, 0L, plans.LastContactId());
        while (!ct.IsCancellationRequested && (after < end || (end = plans.LastContactId()) > after))
        {
            var upto = after + 2L * step;
            var range = await plans.PlanRangeAsync(
                campaignId, settings.Priority, audience, query, plan, after, upto, step);
            total += range.Planned;
            // A zone first seen in this range: its due time is worked out here, and the range planned again for the
            // contacts left out.
            while (range.MissingZones.Count > 0)
            {
                foreach (var id in range.MissingZones)
                {
                    zoneDue[id] = settings.QuietHours.NextAllowed(
                        due, zones.GetOrAdd(id, z => CampaignClock.Zone(z, DefaultZone)));
                }

                plan = plan with { Zones = new Dictionary<string, DateTimeOffset>(zoneDue) };
                range = await plans.PlanRangeAsync(
                    campaignId, settings.Priority, audience, query, plan, after, upto, step);
                total += range.Planned;
            }

            after = range.Members == step ? range.Last : upto;
            outbox.Set();
        }

        return total;
    }
}
