using System.Globalization;
using HealthBot.Campaigns;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Llm;
using HealthBot.Operability;
using Microsoft.AspNetCore.Authorization;

namespace HealthBot.Admin.Pages;

/// <summary>
/// The last two weeks at a glance (days of the deployment's zone), drawn on the server; campaign results cover each
/// campaign's whole life.
/// </summary>
public sealed class InsightsModel(
    SqlInsightsStore insights,
    SqlAnswerInsights answers,
    CampaignService campaigns,
    IMessageStore messages,
    IAuthorizationService authorization,
    IModelStatus model,
    StaffClock clock,
    TimeProvider time,
    Channels.ChannelRegistry channels,
    TopicNames names)
    : AdminPageModel
{
    private const int CampaignsShown = 20;

    private const int Period = 14;

    public IReadOnlyList<string> Days { get; private set; } = [];

    public IReadOnlyDictionary<string, int[]> ByChannel { get; private set; } = new Dictionary<string, int[]>();

    public IReadOnlyDictionary<string, int[]> ByLanguage { get; private set; } = new Dictionary<string, int[]>();

    /// <summary>Each channel with the provider carrying it, its conversations and messages in the period.</summary>
    public IReadOnlyList<(ChannelTotal Total, string Provider)> ByProvider { get; private set; } = [];

    public IReadOnlyList<TopicCount> Topics { get; private set; } = [];

    public IReadOnlyList<TopicFeedback> Feedback { get; private set; } = [];

    public PhrasingSummary Phrasing { get; private set; } = PhrasingSummary.Empty;

    /// <summary>
    /// No model is configured (Llm:ModelPath empty) and none phrased an answer in the period: every answer is the
    /// curated text by design, which a 100% "fallback" bar would show as a failure.
    /// </summary>
    public bool ModelOff => model.State == ModelStates.Off && Phrasing.Model == 0;

    public string ZoneLabel => clock.Label;

    /// <summary>
    /// The newest campaigns, counted by <see cref="CampaignService.Report"/> as the CLI and the API count them.
    /// </summary>
    public IReadOnlyList<CampaignReport> Campaigns { get; private set; } = [];

    /// <summary>Only for people who write content: the questions are people's own words.</summary>
    public IReadOnlyList<(string Text, int Count)>? Unanswered { get; private set; }

    public async Task OnGetAsync()
    {
        var today = DateOnly.FromDateTime(clock.Local(time.GetUtcNow()).DateTime);
        var first = today.AddDays(1 - Period);
        var since = clock.StartOf(first);
        Days = Enumerable.Range(0, Period)
            .Select(i => first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var counts = insights.InboundPerDay(since, clock.Zone);
        // Every registered channel has a column, also before its first message; old rows keep theirs.
        var byChannel = Series(counts, c => c.Channel);
        foreach (var spec in channels.Channels.Where(c => !byChannel.ContainsKey(c.Name)))
        {
            byChannel[spec.Name] = new int[Days.Count];
        }

        var ordered = byChannel.Keys.Order(StringComparer.Ordinal).ToList();
        // Staff read channels by name ("Web chat", "SMS"): the charts' legends, tooltips and tables use them.
        ByChannel = ordered.ToDictionary(c => HttpContext.ChannelName(c), c => byChannel[c]);
        // Languages by name too ("Swahili", "Kiswahili"); a message with no detected language keeps its code.
        ByLanguage = Series(counts, c => c.Language)
            .ToDictionary(l => HttpContext.LanguageName(l.Key), l => l.Value);
        // One row per channel and the provider stored with its messages (several may receive one channel); a
        // channel with no message yet still has its row.
        var totals = insights.ChannelTotals(since).ToLookup(t => t.Channel);
        ByProvider = ordered.SelectMany(c => totals[c].DefaultIfEmpty(new ChannelTotal(c, 0, 0, 0)))
            .Select(t => (t with { Channel = HttpContext.ChannelName(t.Channel) },
                t.Provider is { } provider ? HttpContext.ProviderName(provider)
                : t.Channel == Dialog.ChannelNames.WebChat ? T("web chat")
                : t.In + t.Out == 0 ? "-" : T("unknown"))).ToList();
        Topics = insights.TopTopics(since, 10);
        Feedback = answers.FeedbackByTopic(since, 30);
        Phrasing = PhrasingSummary.From(answers.Phrasing(since));
        Campaigns = campaigns.List().OrderByDescending(c => c.Id).Take(CampaignsShown)
            .Select(c => campaigns.Report(c.Id)).OfType<CampaignReport>().ToList();
        if ((await authorization.AuthorizeAsync(User, StaffRoles.EditPolicy)).Succeeded)
        {
            Unanswered = await UnansweredAsync(since);
        }
    }

    /// <summary>A topic as staff know it: its title in their language (the id only when the topic is gone).</summary>
    public string TopicTitle(string contentId) => names.Title(contentId, UiText.Language(HttpContext));

    /// <summary>Why an answer was sent as the curated text, in words, with the recorded code beside it.</summary>
    public string Reason(string code) =>
        HttpContext.Built(code) is var words && words != code ? $"{words} ({code})" : code;

    private Dictionary<string, int[]> Series(IReadOnlyList<DailyCount> counts, Func<DailyCount, string> key) =>
        counts.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
            Days.Select(d => g.Where(c => c.Day == d).Sum(c => c.Count)).ToArray());

    /// <summary>
    /// Grouped by their folded text, so the same question asked many times shows once with its count. A message
    /// without a single letter ("1", "2", "?") is a menu or feedback choice, not a question.
    /// </summary>
    private async Task<IReadOnlyList<(string, int)>> UnansweredAsync(DateTimeOffset since)
    {
        var texts = new List<string>();
        foreach (var id in insights.UnansweredIds(since, 200))
        {
            if (await messages.GetAsync(id) is { } message && message.Body.Any(char.IsLetter))
            {
                texts.Add(message.Body.Trim());
            }
        }

        return texts.GroupBy(t => t.ToLowerInvariant()).OrderByDescending(g => g.Count()).Take(30)
            .Select(g => (g.First(), g.Count())).ToList();
    }
}
