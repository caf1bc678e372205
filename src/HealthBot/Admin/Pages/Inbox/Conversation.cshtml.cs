using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages.Inbox;

/// <summary>
/// One conversation: who holds it, every message (refreshed while open, so a message sent during the handoff shows
/// at once), the messages nobody answered yet, and the hand-back that never drops one.
/// </summary>
[Authorize(Policy = StaffRoles.InboxPolicy)]
public sealed class ConversationModel(IMessageStore messages, SqlHandoffStore handoffs, InboxService inbox, TimeProvider time) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long ContactId { get; set; }

    public IReadOnlyList<StoredMessage> Messages { get; private set; } = [];

    public Handoff? Holder { get; private set; }

    public bool Handling { get; private set; }

    public IReadOnlySet<long> Unanswered { get; private set; } = new HashSet<long>();

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        // The responder is looking at these now: they are no longer unread in the inbox.
        if (Holder is not null && Messages.Count > 0)
        {
            await handoffs.MarkSeenAsync(ContactId, Messages[^1].Id);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostTakeOverAsync()
    {
        await inbox.TakeOverAsync(Actor, ContactId);
        return RedirectToPage(new { ContactId });
    }

    public async Task<IActionResult> OnPostReplyAsync(string text)
    {
        await inbox.ReplyAsync(Actor, ContactId, text);
        return RedirectToPage(new { ContactId });
    }

    /// <param name="bot">The responder chose to let the bot answer the messages nobody answered.</param>
    public async Task<IActionResult> OnPostResolveAsync(bool bot = false)
    {
        var result = await inbox.ResolveAsync(Actor, ContactId, bot);
        if (result.Resolved)
        {
            return Redirect("/admin/inbox");
        }

        await LoadAsync();
        Problem = result.Pending > 0
            ? T("A message from this person is still being handled. Please try again in a moment.")
            : string.Format(System.Globalization.CultureInfo.InvariantCulture,
                T("Not handed back: {0} message(s) have no reply yet (listed under \"Not answered yet\"). Reply to them, or let the bot answer them."),
                result.Unanswered);
        return Page();
    }

    /// <summary>When, where, and who wrote it: the person, a responder, or the bot (with the kind of reply and its content).</summary>
    public string Meta(StoredMessage m)
    {
        var who = m.Direction == "in" ? T("person")
            : m.Kind == InboxService.HumanKind ? T("reply from staff")
            : $"{T("bot")} {m.Kind}{(m.ContentId is null ? "" : $" {m.ContentId} v{m.ContentVersion}")}";
        // A reply that never reached the person says so, with the provider's reason (e.g. WhatsApp's 131026).
        var failed = m.Direction == "out" && m.Status is "failed" or "undelivered"
            ? $" · {T("not delivered")}{(m.ErrorCode is { } code ? $": {code}" : "")}"
            : "";
        return $"{m.CreatedAt:yyyy-MM-dd HH:mm} · {m.Channel} · {who}{failed}";
    }

    private async Task<bool> LoadAsync()
    {
        // The newest 200 messages are enough to answer; older ones stay in the contact export.
        Messages = (await messages.ConversationAsync(ContactId, 0, 10_000)).TakeLast(200).ToList();
        if (Messages.Count == 0)
        {
            return false;
        }

        var handoff = handoffs.Find(ContactId);
        Handling = await handoffs.IsHumanHandlingAsync(ContactId);
        Holder = Handling ? handoff : null;
        Unanswered = Handling ? handoffs.Unanswered(ContactId).ToHashSet() : new HashSet<long>();
        return true;
    }

    public string SilentUntil => Holder?.SilentUntil is { } until && until > time.GetUtcNow() ? until.ToString("HH:mm") + " UTC" : string.Empty;
}
