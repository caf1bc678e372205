using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;

namespace HealthBot.Admin.Pages.Inbox;

/// <summary>
/// Conversations staff are handling first (with their unread messages), then urgent alerts, then flagged conversations: declined or not understood, answered on a weak match or after the
/// model's answer failed the check, or given negative feedback.
/// </summary>
[Authorize(Policy = StaffRoles.InboxPolicy)]
public sealed class InboxIndexModel(
    IAlertStore alerts, SqlHandoffStore handoffs, SqlFeedbackStore feedback, TimeProvider time,
    Channels.ChannelRegistry channels) : AdminPageModel
{
    private const int Shown = 100;

    /// <summary>Older answer flags are history for the insights page, not work for today's inbox.</summary>
    private static readonly TimeSpan FlagAge = TimeSpan.FromDays(30);

    public IReadOnlyList<HandledConversation> Handled { get; private set; } = [];

    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public IReadOnlyList<FlaggedConversation> Flagged { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Handled = handoffs.Handled(Shown);
        Alerts = await alerts.OpenAsync(Shown);
        var alerted = Alerts.Select(a => a.ContactId).ToHashSet();
        Flagged = InboxFlags.Merge(handoffs.Flagged(Shown), feedback.Flags(time.GetUtcNow() - FlagAge, Shown), alerted, Shown);
    }

    /// <summary>"sms via kannel": the channel and the provider carrying the answers, from the registrations.</summary>
    public string Via(string channel) => channel.Length == 0 ? string.Empty
        : channels.Sender(channel) is { } provider ? $"{channel} {T("via")} {provider.Name}" : channel;

    public string Reasons(FlaggedConversation flagged) => string.Join("; ", flagged.Reasons.Select(r => T(InboxFlags.Label(r))));
}
