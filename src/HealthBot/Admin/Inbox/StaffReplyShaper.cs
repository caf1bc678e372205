using System.Globalization;
using HealthBot.Channels;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using HealthBot.Sms;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin.Inbox;

/// <summary>
/// A staff reply as the outbox will send it: through the provider of the person's last message on the channel when
/// that one can send (<see cref="SenderRoutes.SenderFor"/>, as the outbox routes a staff reply), shaped for that
/// provider's limits (<see cref="ChannelRegistry.Profile"/>) like the bot's answers.
/// </summary>
/// <param name="Provider">The provider that will send it (null: no sender takes the channel).</param>
/// <param name="Parts">The messages it becomes; empty when it cannot fit (<see cref="TooLong"/>).</param>
/// <param name="Needed">The messages the whole text would take.</param>
/// <param name="MaxParts">The most messages one reply may become through this provider.</param>
/// <param name="PartChars">The most characters of this text one message takes (fewer for UCS-2 SMS).</param>
public sealed record StaffReply(string? Provider, string Language, IReadOnlyList<string> Parts, int Needed,
    int MaxParts, int PartChars)
{
    public bool TooLong => Parts.Count == 0;

    /// <summary>Why it was not sent, in the staff's language (<paramref name="t"/>).</summary>
    public string Refusal(Func<string, string> t) => string.Format(CultureInfo.InvariantCulture,
        t("Not sent: this reply is too long for {0}. It would need {1} messages; {0} sends at most {2} messages of " +
          "up to {3} characters for one reply. Shorten it and send it again."),
        Provider, Needed, MaxParts, PartChars);
}

/// <summary>
/// Splits a staff reply into messages the sending provider takes, never cutting any of it: unlike the bot's answers
/// (<see cref="ReplyComposer"/>, which shortens the end of curated text that overflows), a responder's words are
/// either all sent or refused on the form, so they can shorten them themselves.
/// </summary>
public sealed class StaffReplyShaper(
    ContactReplyRoute route, ChannelRegistry channels, IOptions<DialogOptions> dialog)
{
    public async Task<StaffReply> ShapeAsync(
        long contactId, string channel, string text, string? language, CancellationToken ct = default)
    {
        var (provider, profile) = await route.ForAsync(contactId, channel, ct);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (profile.SmsCost)
        {
            // What an SMS reply becomes on its way out (the preview's "As it will arrive"), measured as sent.
            text = OutgoingSms.Prepare(text, language, dialog.Value.FoldAccentsForSms);
        }
        else if (profile.Formatting == TextFormatting.WhatsApp)
        {
            // As the composer shapes the bot's answers: WhatsApp shows Markdown's ** literally (WhatsAppPreview).
            text = WhatsAppFormat.FromMarkdown(text);
        }

        var parts = Split(text, profile);
        var reply = new StaffReply(provider ?? channels.Sender(channel)?.Name, language ?? "en", parts, parts.Count,
            profile.MaxParts, profile.MaxCharsFor(text));
        return parts.Count <= profile.MaxParts ? reply : reply with { Parts = [] };
    }

    /// <summary>Greedy by words (a word longer than a message is cut between characters); nothing is dropped.</summary>
    public static List<string> Split(string text, ChannelProfile profile)
    {
        var parts = new List<string>();
        if (profile.Fits(text))
        {
            return text.Length == 0 ? parts : [text];
        }

        var current = string.Empty;
        foreach (var word in Words(text))
        {
            if (profile.Fits((current + word).TrimEnd()))
            {
                current += word;
                continue;
            }

            Add(parts, current);
            current = word;
            while (!profile.Fits(current.TrimEnd()))
            {
                var cut = LongestFitting(current, profile);
                parts.Add(current[..cut]);
                current = current[cut..];
            }
        }

        Add(parts, current);
        return parts;
    }

    private static void Add(List<string> parts, string part)
    {
        if (part.Trim().Length > 0)
        {
            parts.Add(part.Trim());
        }
    }

    /// <summary>Each word with the spaces after it, so that the words joined give back the text.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (!char.IsWhiteSpace(text[i]) && char.IsWhiteSpace(text[i - 1])))
            {
                yield return text[start..i];
                start = i;
            }
        }
    }

    private static int LongestFitting(string text, ChannelProfile profile)
    {
        var cut = Math.Min(text.Length, profile.MaxCharsFor(text));
        while (cut > 1 && !profile.Fits(text[..cut]))
        {
            cut--;
        }

        // Never cut a surrogate pair in half.
        return cut > 1 && char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut;
    }
}
