using System.Globalization;
using HealthBot.Admin.Inbox;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Safety;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages.Inbox;

/// <summary>
/// Conversations staff are handling first (with their unread messages), then urgent alerts (acknowledged with a note),
/// then flagged conversations: declined or not understood, answered on a weak match or after the model's answer failed
/// the check, or given negative feedback. A search finds conversations by topic, date, channel and flag. The page
/// refreshes itself; its title counts the alerts nobody has acknowledged.
/// </summary>
[Authorize(Policy = StaffRoles.InboxPolicy)]
public sealed class InboxIndexModel(
    IAlertStore alerts,
    SqlHandoffStore handoffs,
    SqlFeedbackStore feedback,
    SqlInboxStore inbox,
    SqlStaffStore audit,
    StaffClock clock,
    HealthBot.Content.ContentCatalog catalog,
    TimeProvider time,
    Channels.ChannelRegistry channels,
    TopicNames names) : AdminPageModel
{
    private const int Shown = 100;

    /// <summary>Older answer flags are history for the insights page, not work for today's inbox.</summary>
    private static readonly TimeSpan FlagAge = TimeSpan.FromDays(30);

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Flag { get; set; }

    public IReadOnlyList<HandledConversation> Handled { get; private set; } = [];

    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public IReadOnlyDictionary<long, AlertAck> Acks { get; private set; } = new Dictionary<long, AlertAck>();

    public IReadOnlyList<FlaggedConversation> Flagged { get; private set; } = [];

    public IReadOnlyList<SearchHit>? Hits { get; private set; }

    public string? SearchProblem { get; private set; }

    public StaffClock Clock => clock;

    public int OpenAlerts => Alerts.Count(a => !Acks.ContainsKey(a.Id));

    /// <summary>The channels staff can search by: every one a provider folder registered.</summary>
    public IReadOnlyList<string> Channels => channels.Channels.Select(c => c.Name).ToList();

    /// <summary>Topics by their title in the staff's language, for the search.</summary>
    public IReadOnlyList<(string Id, string Title)> Topics => catalog.Current.Items.Select(i => i.Id)
        .Distinct(StringComparer.Ordinal).Select(id => (id, names.Title(id, UiText.Language(HttpContext))))
        .OrderBy(t => t.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>An alert by the urgent topic's name in the staff's language; the rule id as a detail.</summary>
    public AlertLabel AlertLabel(Alert alert) => names.Alert(alert, UiText.Language(HttpContext));

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        var search = ParseSearch();
        if (search is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (!search.IsEmpty)
        {
            Hits = inbox.Search(search, clock, Shown);
        }

        providers = inbox.Providers(Handled.Select(h => h.ContactId).Concat(Hits?.Select(h => h.ContactId) ?? [])
            .ToList());

        return Page();
    }

    /// <summary>
    /// A responder saw the alert and says what they did; the note stays with the alert, not in the audit.
    /// </summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(long alertId, string? note)
    {
        if (string.IsNullOrWhiteSpace(note) || note.Length > 500)
        {
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SearchProblem = T("Write a short note (up to 500 characters) of what you did about the alert.");
            return Page();
        }

        if (!await inbox.AcknowledgeAsync(alertId, Actor, note.Trim()))
        {
            return NotFound();
        }

        await audit.AuditAsync(
            Actor, "inbox.acknowledge_alert", $"alert #{alertId}", $"{note.Trim().Length} characters");
        return RedirectToPage();
    }

    /// <summary>
    /// The flagged list as CSV for supervision (contact ids and reasons, no numbers or texts); audited.
    /// </summary>
    public async Task<IActionResult> OnPostExportFlaggedAsync()
    {
        await LoadAsync();
        await audit.AuditAsync(
            Actor, "inbox.export_flagged", "flagged conversations", $"{Flagged.Count} conversations");
        var csv = InboxCsv.Flagged(Flagged, r => HttpContext.Built(InboxFlags.Label(r)), HttpContext.Built, clock);
        return File(csv, "text/csv; charset=utf-8", "flagged-conversations.csv");
    }

    public string Reasons(FlaggedConversation flagged) =>
        string.Join("; ", flagged.Reasons.Select(r => HttpContext.Built(InboxFlags.Label(r))));

    public string FlagLabel(string flag) =>
        flag == Dialog.ReplyKind.Urgent ? "Urgent: emergency referral" : InboxFlags.Label(flag);

    private async Task LoadAsync()
    {
        Handled = handoffs.Handled(Shown);
        Alerts = await alerts.OpenAsync(Shown);
        Acks = inbox.Acknowledgements(Alerts.Select(a => a.Id).ToList());
        var alerted = Alerts.Select(a => a.ContactId).ToHashSet();
        var answerFlags = feedback.Flags(time.GetUtcNow() - FlagAge, Shown);
        Flagged = InboxFlags.Merge(handoffs.Flagged(Shown), answerFlags, alerted, Shown);
    }

    private IReadOnlyDictionary<long, string> providers = new Dictionary<long, string>();

    /// <summary>
    /// "sms via africastalking": the channel and the provider that carried the person's last message, as stored with
    /// it; "unknown" for messages from before providers were stored (never the channel's sending provider: several
    /// providers may receive one channel).
    /// </summary>
    public string Via(long contactId, string channel) => channel.Length == 0 ? string.Empty
        : channel == Dialog.ChannelNames.WebChat ? HttpContext.ChannelName(channel) // the service is its provider
        : $"{HttpContext.ChannelName(channel)} {T("via")} " +
            (providers.GetValueOrDefault(contactId) is { } provider
                ? HttpContext.ProviderName(provider) : T("unknown"));

    /// <summary>The search from the query string, or null (and a reason shown) when a field is not valid.</summary>
    private InboxSearch? ParseSearch()
    {
        DateOnly? Day(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var style = DateTimeStyles.None;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, style, out var d))
            {
                return d;
            }

            SearchProblem = $"{T(field)}: {T("a date like 2026-03-31")}";
            return null;
        }

        var search = new InboxSearch(
            Empty(Topic), Day(From, "From date"), Day(To, "To date"), Empty(Channel), Empty(Flag));
        if (search.Channel is { } c && !Channels.Contains(c))
        {
            SearchProblem =
                $"{T("Channel")}: {T("one of")} {string.Join(", ", Channels.Select(HttpContext.ChannelName))}";
        }

        if (search.Flag is { } f && !SqlInboxStore.SearchFlags.Contains(f))
        {
            SearchProblem = $"{T("Flag")}: {T("one of")} {string.Join(", ", SqlInboxStore.SearchFlags)}";
        }

        return SearchProblem is null ? search : null;
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
