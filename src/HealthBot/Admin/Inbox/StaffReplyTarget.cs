using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Admin.Inbox;

/// <summary>
/// The channel and language a staff reply takes: those of the person's latest message to us, as their bot answers
/// do. Someone who first wrote in English and now writes in Swahili gets the reply shaped for Swahili (the reply
/// box's label and preview say so); the provider and short code follow the same latest message
/// (<see cref="Outbox.ContactReplyRoute"/>, the outbox's claim).
/// </summary>
public sealed record StaffReplyTarget(string Channel, string Language)
{
    /// <summary>
    /// Null when the contact has no message at all. A latest message still being answered has no language yet: the
    /// contact's recorded one stands in, then English. Someone who never wrote (the USSD menu's SMS) is replied to on
    /// the channel of their conversation's first message.
    /// </summary>
    public static async Task<StaffReplyTarget?> ForAsync(
        IMessageStore messages, SqlInboxStore inbox, long contactId, CancellationToken ct = default)
    {
        var latest = await messages.LatestInboundAsync(contactId, ct)
                     ?? (await messages.ConversationAsync(contactId, 0, 1, ct)).FirstOrDefault();
        if (latest is null)
        {
            return null;
        }

        var language = latest.Direction == "in" ? latest.Language : null;
        language ??= inbox.Card(contactId)?.Language ?? latest.Language ?? "en";
        return new StaffReplyTarget(latest.Channel, language);
    }
}
