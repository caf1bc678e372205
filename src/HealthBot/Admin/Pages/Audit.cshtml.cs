using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;

namespace HealthBot.Admin.Pages;

/// <summary>
/// The audit log in the staff's language: each action by what was done (its code kept beside it), the target and
/// details translated where <see cref="UiText"/> knows their pattern. Stored entries stay English codes.
/// </summary>
[Authorize(Policy = StaffRoles.AdminPolicy)]
public sealed class AuditModel(SqlStaffStore store) : AdminPageModel
{
    /// <summary>Every action the workspace and the sign-in write, in plain English (UiText keys).</summary>
    public static readonly IReadOnlyDictionary<string, string> Actions =
        new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["inbox.take_over"] = "Took over a conversation",
        ["inbox.reply"] = "Replied to a person",
        ["inbox.resolve"] = "Resolved and handed back to the bot",
        ["inbox.reveal_number"] = "Opened a full number",
        ["inbox.export_conversation"] = "Exported a conversation",
        ["inbox.export_flagged"] = "Exported the flagged list",
        ["inbox.acknowledge_alert"] = "Acknowledged an urgent alert",
        ["content.export"] = "Exported to content files",
        ["content.draft"] = "Saved a draft",
        ["content.submit"] = "Sent for review",
        ["content.publish"] = "Published",
        ["content.publish.refused"] = "Publishing refused",
        ["content.reject"] = "Rejected an edit",
        ["content.rollback"] = "Restored an old version as a draft",
        ["triage.draft"] = "Saved a draft of the triage rules",
        ["triage.publish"] = "Published the triage rules",
        ["campaign.create"] = "Created a campaign",
        ["campaign.pause"] = "Paused a campaign",
        ["campaign.resume"] = "Resumed a campaign",
        ["campaign.cancel"] = "Cancelled a campaign",
        ["campaign.test_send"] = "Sent a test message",
        ["campaign.test_send_refused"] = "Test message refused",
        ["user.add"] = "Added an account",
        ["user.password"] = "Set a new password",
        ["user.role"] = "Changed a role",
        ["user.disable"] = "Disabled an account",
        ["user.enable"] = "Enabled an account",
        ["login"] = "Signed in",
        ["logout"] = "Signed out",
        ["login.failed"] = "Sign-in failed",
        ["login.locked"] = "Sign-in refused: the account is locked",
        ["login.lockout"] = "Account locked after failed sign-ins",
    };

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() => Entries = await store.RecentAuditAsync(500);

    /// <summary>One rule a triage entry adds, removes or changes, as a UiText sentence.</summary>
    public string RuleLine(TriageRuleChange change) => change.Kind switch
    {
        "added" => $"Rule added: {change.Name}",
        "removed" => $"Rule removed: {change.Name}",
        _ => $"Rule changed: {change.Name}",
    };

    /// <summary>The folded line of a long detail (its first line, cut short), or null when it is short enough to
    /// show whole.</summary>
    public static string? Fold(string detail)
    {
        const int shown = 80;
        if (detail.Length <= 300 && detail.Count(c => c == '\n') < 6)
        {
            return null;
        }

        var text = detail.TrimStart();
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? text : text[..end];
        return first.Length > shown ? first[..shown] + "…" : first + " …";
    }

    /// <summary>What was done, in the page's language; an action this page does not know shows its code.</summary>
    public string Action(string code) => Actions.TryGetValue(code, out var english) ? T(english) : code;
}
