using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages.Inbox;

[Authorize(Policy = StaffRoles.InboxPolicy)]
public sealed class ConversationModel(IMessageStore messages, SqlHandoffStore handoffs, InboxService inbox) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long ContactId { get; set; }

    public IReadOnlyList<StoredMessage> Messages { get; private set; } = [];

    public bool Handling { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // The newest 200 messages are enough to answer; older ones stay in the contact export.
        Messages = (await messages.ConversationAsync(ContactId, 0, 10_000)).TakeLast(200).ToList();
        if (Messages.Count == 0)
        {
            return NotFound();
        }

        Handling = await handoffs.IsHumanHandlingAsync(ContactId);
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

    public async Task<IActionResult> OnPostResolveAsync()
    {
        await inbox.ResolveAsync(Actor, ContactId);
        return Redirect("/admin/inbox");
    }
}
