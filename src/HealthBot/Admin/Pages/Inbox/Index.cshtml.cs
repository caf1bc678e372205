using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;

namespace HealthBot.Admin.Pages.Inbox;

/// <summary>Urgent alerts first, then conversations the bot declined or did not understand.</summary>
[Authorize(Policy = StaffRoles.InboxPolicy)]
public sealed class InboxIndexModel(IAlertStore alerts, SqlHandoffStore handoffs) : AdminPageModel
{
    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public IReadOnlyList<(long ContactId, string Kind, DateTimeOffset At)> Flagged { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Alerts = await alerts.OpenAsync(100);
        var alerted = Alerts.Select(a => a.ContactId).ToHashSet();
        Flagged = handoffs.Flagged(100).Where(f => !alerted.Contains(f.ContactId)).ToList();
    }
}
