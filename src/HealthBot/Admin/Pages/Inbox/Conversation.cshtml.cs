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
/// messages nobody answered yet, the reply box with its SMS cost or its WhatsApp message as sent, the CSV export, and
/// the hand-back that never drops a message.
/// </summary>
[Authorize(Policy = StaffRoles.InboxPolicy)]
public sealed class ConversationModel(
    IMessageStore messages,
    SqlHandoffStore handoffs,
    SqlInboxStore inboxStore,
    SqlStaffStore audit,
    InboxService inbox,
    StaffReplyShaper shaper,
    StaffClock clock,
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

    /// <summary>Open urgent alerts nobody acknowledged: the hand-back form asks for a note about them.</summary>
    public bool AlertOpen => inboxStore.UnacknowledgedAlerts(ContactId).Count > 0;

    public StaffClock Clock => clock;

    /// <summary>The contact's language by its name in the staff's language ("Swahili", "swahili"…).</summary>
    public string LanguageName => HttpContext.LanguageName(Language);

    public string Language =>
        Contact?.Language ?? Messages.LastOrDefault(m => m.Language is not null)?.Language ?? "en";

    public string Channel => Contact?.Channel ?? Messages.LastOrDefault()?.Channel ?? "";

    /// <summary>The channel as staff call it ("SMS", "Web chat"), not its stored code ("webchat").</summary>
    public string ChannelName => HttpContext.ChannelName(Channel);

    /// <summary>
    /// The provider that carried the person's last message (or, for someone who never wrote, the last one sent), as
    /// stored with it: several providers may receive one channel. Messages from before it was stored: "unknown".
    /// </summary>
    public string Provider => Channel == ChannelNames.WebChat ? T("web chat")
        : (Messages.LastOrDefault(m => m.Direction == "in") ?? Messages.LastOrDefault())?.Provider is { } provider
            ? HttpContext.ProviderName(provider) : T("unknown");

    public string MaskedNumber => Contact is null ? "" : PhoneMask.Mask(Contact.Address);

    public bool MayRevealNumber => options.Value.FullNumberRoleList.Any(User.IsInRole);

    /// <summary>
    /// The channel and language of the reply: those of the person's latest message (<see cref="StaffReplyTarget"/>),
    /// as <see cref="InboxService.ReplyAsync"/> sends it, so the label and the preview say what the person will get.
    /// </summary>
    public StaffReplyTarget? ReplyTarget { get; private set; }

    public string ReplyLanguage => ReplyTarget?.Language ?? Language;

    public string ReplyLanguageName => HttpContext.LanguageName(ReplyLanguage);

    private string ReplyChannel => ReplyTarget?.Channel ?? Channel;

    /// <summary>The reply's SMS cost while typing: only SMS is paid per segment.</summary>
    public bool SmsCost => ReplyChannel == ChannelNames.Sms;

    /// <summary>A WhatsApp reply's preview while typing: the text as sent, its length against the limit.</summary>
    public bool WhatsApp => ReplyChannel == ChannelNames.WhatsApp;

    /// <summary>The preview shown with the page (the script then refreshes it from <see cref="OnGetPreviewAsync"/>).
    /// </summary>
    public string ReplyPreviewHtml { get; private set; } = string.Empty;

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

    /// <summary>
    /// The reply box's preview fragment, fetched as the responder types: segments and cost of the messages the
    /// provider that will send the reply takes, and whether it fits at all.
    /// </summary>
    public async Task<ContentResult> OnGetPreviewAsync(string? text)
    {
        Contact = inboxStore.Card(ContactId);
        ReplyTarget = await StaffReplyTarget.ForAsync(messages, inboxStore, ContactId);
        var channel = ReplyTarget?.Channel ?? Contact?.Channel ?? ChannelNames.Sms;
        var reply = await shaper.ShapeAsync(ContactId, channel, text ?? "", ReplyLanguage);
        var html = channel == ChannelNames.WhatsApp
            ? new WhatsAppPreview(reply).ToHtml(T)
            : SmsPreview.ForReply(text ?? "", reply, options.Value, dialog.Value.FoldAccentsForSms).ToHtml(T);
        return Content(html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostTakeOverAsync()
    {
        await inbox.TakeOverAsync(Actor, ContactId);
        return RedirectToPage(new { ContactId });
    }

    /// <summary>The text of a reply that was not sent, kept in the box for the responder to shorten.</summary>
    public string ReplyText { get; private set; } = string.Empty;

    public async Task<IActionResult> OnPostReplyAsync(string text)
    {
        var reply = await inbox.ReplyAsync(Actor, ContactId, text ?? "");
        if (reply is not { TooLong: true })
        {
            return RedirectToPage(new { ContactId });
        }

        // Refused before anything is queued: the provider would fail it as too long and the person get nothing.
        // The text stays in the box, its preview with it.
        ReplyText = text ?? "";
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Problem = reply.Refusal(T);
        return Page();
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
        var csv = InboxCsv.Conversation(ContactId, all, HttpContext.Built, clock);
        return File(csv, "text/csv; charset=utf-8", $"contact-{ContactId}.csv");
    }

    /// <param name="bot">The responder chose to let the bot answer the messages nobody answered.</param>
    /// <param name="note">What the responder did about the person's open urgent alert (required when there is one).
    /// </param>
    public async Task<IActionResult> OnPostResolveAsync(bool bot = false, string? note = null)
    {
        // Resolving closes the person's alerts: an urgent one needs the same note acknowledging it asks for.
        var alerts = inboxStore.UnacknowledgedAlerts(ContactId);
        if (alerts.Count > 0 && (string.IsNullOrWhiteSpace(note) || note.Length > 500))
        {
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Problem = T("Not handed back: this person has an open urgent alert. Write a short note (up to 500 " +
                "characters) of what you did about it.");
            return Page();
        }

        foreach (var alert in alerts)
        {
            await inboxStore.AcknowledgeAsync(alert, Actor, note!.Trim());
            await audit.AuditAsync(Actor, "inbox.acknowledge_alert", $"alert #{alert}", $"{note.Trim().Length} characters");
        }

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
            ? $" · {HttpContext.Built(m.Kind)}{(m.ContentId is null ? "" : $" {m.ContentId} v{m.ContentVersion}")}"
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
        ReplyTarget = await StaffReplyTarget.ForAsync(messages, inboxStore, ContactId);
        ReplyPreviewHtml = WhatsApp
            ? new WhatsAppPreview(await shaper.ShapeAsync(ContactId, ReplyChannel, ReplyText, ReplyLanguage)).ToHtml(T)
            : SmsPreview.For(ReplyText, ReplyLanguage, options.Value, dialog.Value.FoldAccentsForSms).ToHtml(T);
        return true;
    }

    public string SilentUntil =>
        Holder?.SilentUntil is { } until && until > time.GetUtcNow() ? clock.Time(until) : string.Empty;
}
