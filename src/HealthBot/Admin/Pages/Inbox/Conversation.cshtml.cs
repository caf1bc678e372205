using HealthBot.Admin.Inbox;
using HealthBot.Channels;
using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin.Pages.Inbox;

/// <summary>
/// One conversation: who it is with (language, channel, provider, masked number), who holds it, every message
/// (refreshed while open, so a message sent during the handoff shows at once) in the look of who wrote it, the
/// messages nobody answered yet, the reply box with its SMS cost, the CSV export, and the hand-back that never drops
/// a message.
/// </summary>
[Authorize(Policy = StaffRoles.InboxPolicy)]
public sealed class ConversationModel(
    IMessageStore messages,
    SqlHandoffStore handoffs,
    SqlInboxStore inboxStore,
    SqlStaffStore audit,
    InboxService inbox,
    StaffClock clock,
    Channels.ChannelRegistry channels,
    IOptions<AdminOptions> options,
    IOptions<DialogOptions> dialog,
    TimeProvider time) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long ContactId { get; set; }

    public IReadOnlyList<StoredMessage> Messages { get; private set; } = [];

    public ContactCard? Contact { get; private set; }

    /// <summary>The full number, only after an allowed role asked for it (and the asking was audited).</summary>
    public string? FullNumber { get; private set; }

    public Handoff? Holder { get; private set; }

    public bool Handling { get; private set; }

    public IReadOnlySet<long> Unanswered { get; private set; } = new HashSet<long>();

    public string? Problem { get; private set; }

    public StaffClock Clock => clock;

    public string Language =>
        Contact?.Language ?? Messages.LastOrDefault(m => m.Language is not null)?.Language ?? "en";

    public string Channel => Contact?.Channel ?? Messages.LastOrDefault()?.Channel ?? "";

    /// <summary>Who carries the channel's answers now, from the provider folders' registrations.</summary>
    public string Provider => channels.Sender(Channel)?.Name ?? (Channel == ChannelNames.WebChat ? "web chat" : "");

    public string MaskedNumber => Contact is null ? "" : PhoneMask.Mask(Contact.Address);

    public bool MayRevealNumber => options.Value.FullNumberRoleList.Any(User.IsInRole);

    /// <summary>The reply's SMS cost while typing: only SMS is paid per segment.</summary>
    public bool SmsCost => Channel == ChannelNames.Sms;

    public SmsPreview ReplyPreview(string text) =>
        SmsPreview.For(text, Language, options.Value, dialog.Value.FoldAccentsForSms);

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

    /// <summary>The reply box's preview fragment, fetched as the responder types.</summary>
    public ContentResult OnGetPreview(string? text)
    {
        Contact = inboxStore.Card(ContactId);
        return Content(ReplyPreview(text ?? "").ToHtml(T), "text/html; charset=utf-8");
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

    /// <summary>
    /// The full number for roles allowed to see it; each look is in the audit trail (never the number).
    /// </summary>
    public async Task<IActionResult> OnPostRevealAsync()
    {
        if (!MayRevealNumber)
        {
            return Forbid();
        }

        if (!await LoadAsync())
        {
            return NotFound();
        }

        await audit.AuditAsync(Actor, "inbox.reveal_number", $"contact #{ContactId}");
        FullNumber = Contact?.Address;
        return Page();
    }

    /// <summary>
    /// The whole conversation as CSV for supervision; audited (who, which contact, how many messages).
    /// </summary>
    public async Task<IActionResult> OnPostExportAsync()
    {
        var all = await messages.ConversationAsync(ContactId, 0, 100_000);
        if (all.Count == 0)
        {
            return NotFound();
        }

        await audit.AuditAsync(Actor, "inbox.export_conversation", $"contact #{ContactId}", $"{all.Count} messages");
        var csv = InboxCsv.Conversation(ContactId, all, clock);
        return File(csv, "text/csv; charset=utf-8", $"contact-{ContactId}.csv");
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
                T("Not handed back: {0} message(s) have no reply yet (listed under \"Not answered yet\"). " +
                    "Reply to them, or let the bot answer them."),
                result.Unanswered);
        return Page();
    }

    /// <summary>
    /// When, where, and what the reply was (the kind of reply and its content); who wrote it is the style.
    /// </summary>
    public string Meta(StoredMessage m)
    {
        var from = MessageLook.From(m);
        var what = from is MessageLook.Bot or MessageLook.Urgent
            ? $" · {m.Kind}{(m.ContentId is null ? "" : $" {m.ContentId} v{m.ContentVersion}")}"
            : "";
        // A reply that never reached the person says so, with the provider's reason (e.g. WhatsApp's 131026).
        var failed = m.Direction == "out" && m.Status is "failed" or "undelivered"
            ? $" · {T("not delivered")}{(m.ErrorCode is { } code ? $": {code}" : "")}"
            : "";
        return $"{clock.Format(m.CreatedAt)} · {T(MessageLook.Label(from))}{what}{failed}";
    }

    private async Task<bool> LoadAsync()
    {
        // The newest 200 messages are enough to answer; older ones stay in the CSV export.
        Messages = (await messages.ConversationAsync(ContactId, 0, 10_000)).TakeLast(200).ToList();
        if (Messages.Count == 0)
        {
            return false;
        }

        Contact = inboxStore.Card(ContactId);
        var handoff = handoffs.Find(ContactId);
        Handling = await handoffs.IsHumanHandlingAsync(ContactId);
        Holder = Handling ? handoff : null;
        Unanswered = Handling ? handoffs.Unanswered(ContactId).ToHashSet() : new HashSet<long>();
        return true;
    }

    public string SilentUntil =>
        Holder?.SilentUntil is { } until && until > time.GetUtcNow() ? clock.Time(until) : string.Empty;
}
