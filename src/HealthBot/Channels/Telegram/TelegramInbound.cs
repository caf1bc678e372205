using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Channels.Telegram;

/// <summary>What one update did: stored (or a duplicate), a block recorded, or nothing to do.</summary>
public sealed record TelegramOutcome(bool Stored, bool Duplicate, bool Blocked);

/// <summary>
/// The one receiving step of both ways updates arrive (the webhook and getUpdates polling): a person's language from
/// their Telegram app when HealthBot does not know it yet, bot commands as the dialog's keywords, then the shared
/// <see cref="InboundReceiver"/>, deduplicated by update_id. A person who blocks the bot is opted out.
/// </summary>
public sealed class TelegramInbound(
    InboundReceiver receiver, IContactStore contacts, ILogger<TelegramInbound> logger)
{
    public async Task<TelegramOutcome> ReceiveAsync(TelegramUpdate update, CancellationToken ct)
    {
        switch (update.Kind)
        {
            case TelegramUpdateKind.Blocked:
                return await BlockedAsync(update, ct);
            case TelegramUpdateKind.Ignored:
                logger.LogInformation("Telegram update {UpdateId} ignored: {What}", update.UpdateId, update.What);
                return new TelegramOutcome(false, false, false);
        }

        // Before the message is stored (which wakes the dialog): "please send text" for a first sticker is then
        // already in the person's language. Detection on their words still decides once they write.
        var contact = await contacts.GetOrCreateAsync(TelegramProvider.Channel, update.Address, ct);
        if (contact.Language is null && TelegramCommands.Language(update.LanguageCode) is { } language)
        {
            contact = contact with { Language = language };
            await contacts.SetLanguageAsync(contact.Id, language, ct);
        }

        var text = TelegramCommands.IsStart(update.Text) && contact.Consent != Consent.OptedOut
            ? await FirstStartAsync(contact, ct)
            : TelegramCommands.ToDialog(update.Text ?? string.Empty);
        // The receiver logs the one line for the message (ids only).
        var record = await receiver.ReceiveAsync(
            TelegramProvider.Name, TelegramProvider.Channel, update.Address, text, update.ProviderId, ct);
        return new TelegramOutcome(!record.Duplicate, record.Duplicate, false);
    }

    /// <summary>
    /// Start from someone who never stopped the bot (Telegram's Start button opens every new chat): opted in, and a
    /// greeting in their language for the dialog, whose answer is the first-contact welcome with "general
    /// information, not a diagnosis" and the emergency line; START would give "welcome back" to a stranger. After
    /// /stop, /start stays START: opted in again with the welcome back.
    /// </summary>
    private async Task<string> FirstStartAsync(Contact contact, CancellationToken ct)
    {
        if (contact.Consent != Consent.OptedIn)
        {
            await contacts.SetConsentAsync(contact.Id, Consent.OptedIn, TelegramProvider.Channel, "telegram-start", ct);
        }

        return TelegramCommands.Greetings.TryGetValue(contact.Language ?? string.Empty, out var greeting)
            ? greeting
            : TelegramCommands.Greetings["en"];
    }

    private async Task<TelegramOutcome> BlockedAsync(TelegramUpdate update, CancellationToken ct)
    {
        if (await contacts.FindAsync(TelegramProvider.Channel, update.Address, ct) is not { } contact)
        {
            return new TelegramOutcome(false, false, false);
        }

        if (contact.Consent != Consent.OptedOut)
        {
            await contacts.SetConsentAsync(
                contact.Id, Consent.OptedOut, TelegramProvider.Channel, "telegram-blocked-the-bot", ct);
            logger.LogInformation("Telegram contact {ContactId} blocked the bot: opted out", contact.Id);
        }

        return new TelegramOutcome(false, false, true);
    }
}
