using HealthBot.Admin.Inbox;
using HealthBot.Campaigns;
using HealthBot.Channels;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Safety;

namespace HealthBot.Admin;

/// <summary>A running campaign and how far its planned messages have got.</summary>
public sealed record CampaignProgress(long Id, string Name, int Planned, int Sent, int Queued, int Failed)
{
    /// <summary>Planned messages no longer waiting: sent, failed or skipped.</summary>
    public int Done => Planned - Queued;

    public int Percent => Planned == 0 ? 0 : (int)Math.Round(100.0 * Done / Planned);
}

/// <summary>A question the bot could not answer this week, with how often it was asked.</summary>
public sealed record ContentGap(string Text, int Count);

/// <summary>
/// What <c>/admin</c> opens on: the work waiting today, counted the way the pages behind the links count it.
/// </summary>
public sealed record DashboardSummary(
    int OpenAlerts,
    int Flagged,
    int WaitingForReview,
    IReadOnlyList<CampaignProgress> Campaigns,
    IReadOnlyList<ProviderState> Providers,
    int UnansweredThisWeek,
    IReadOnlyList<ContentGap>? Gaps);

/// <summary>Reads the dashboard from the same stores as the inbox, review, campaign and insights pages.</summary>
public sealed class WorkspaceDashboard(
    IAlertStore alerts,
    SqlHandoffStore handoffs,
    SqlFeedbackStore feedback,
    SqlContentEditStore edits,
    CampaignService campaigns,
    ProviderMonitor providers,
    SqlInsightsStore insights,
    IMessageStore messages,
    TimeProvider time)
{
    /// <summary>As many as the inbox lists; the dashboard says "100+" beyond.</summary>
    public const int Counted = 100;

    private const int GapsShown = 5;

    private static readonly TimeSpan FlagAge = TimeSpan.FromDays(30);

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <param name="withQuestions">
    /// Whether the reader may see people's own words (editors and reviewers, as on the insights page).
    /// </param>
    public async Task<DashboardSummary> ReadAsync(bool withQuestions, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var open = await alerts.OpenAsync(Counted, ct);
        var alerted = open.Select(a => a.ContactId).ToHashSet();
        var flagged = InboxFlags.Merge(
            handoffs.Flagged(Counted), feedback.Flags(now - FlagAge, Counted), alerted, Counted);
        var waiting = await edits.InStateAsync("review");
        var running = campaigns.List().Where(c => c.State == CampaignState.Active)
            .Select(c => campaigns.Report(c.Id)).OfType<CampaignReport>()
            .Select(r => new CampaignProgress(r.CampaignId, r.Name, r.Targeted, r.Sent, r.Queued, r.Failed))
            .ToList();
        var unanswered = insights.UnansweredIds(now - Week, 200);
        var gaps = withQuestions ? await GapsAsync(unanswered) : null;
        return new DashboardSummary(open.Count, flagged.Count, waiting.Count, running, providers.States,
            unanswered.Count, gaps);
    }

    /// <summary>Grouped by their lower-cased text, so a question asked many times shows once with its count.</summary>
    private async Task<IReadOnlyList<ContentGap>> GapsAsync(IReadOnlyList<long> ids)
    {
        var texts = new List<string>();
        foreach (var id in ids)
        {
            if (await messages.GetAsync(id) is { } message)
            {
                texts.Add(message.Body.Trim());
            }
        }

        return texts.GroupBy(t => t.ToLowerInvariant()).OrderByDescending(g => g.Count())
            .Take(GapsShown).Select(g => new ContentGap(g.First(), g.Count())).ToList();
    }
}
