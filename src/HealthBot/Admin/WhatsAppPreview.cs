using System.Globalization;
using System.Text.Encodings.Web;
using HealthBot.Admin.Inbox;

namespace HealthBot.Admin;

/// <summary>
/// The reply box's preview for a WhatsApp conversation, the counterpart of <see cref="SmsPreview"/>: the messages as
/// <see cref="StaffReplyShaper"/> makes them, the function the reply is queued through (WhatsApp's own *bold* and
/// _italic_ from the responder's Markdown, as the composer shapes the bot's answers), their length against the sending
/// provider's limit per message (Meta's 4,096 characters of a text message,
/// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages; Twilio's 1,600), and no SMS cost: a
/// WhatsApp text is not charged by the segment.
/// </summary>
public sealed record WhatsAppPreview(StaffReply Reply)
{
    /// <summary>Characters of the text as sent, all its messages together.</summary>
    public int Characters => Reply.Parts.Sum(p => p.Length);

    public string ToHtml(Func<string, string> t)
    {
        var e = HtmlEncoder.Default;
        var html = $"<dl><dt>{e.Encode(t("Provider"))}</dt>" +
            $"<dd data-testid=\"provider\">{e.Encode(Reply.Provider is { } p ? UiText.ProviderName(p, t) : "")}</dd>" +
            $"<dt>{e.Encode(t("Characters"))}</dt><dd data-testid=\"characters\">{Characters}</dd>" +
            $"<dt>{e.Encode(t("Most characters in one WhatsApp message"))}</dt>" +
            $"<dd data-testid=\"limit\">{Reply.PartChars.ToString(CultureInfo.InvariantCulture)}</dd>" +
            $"<dt>{e.Encode(t("Cost"))}</dt>" +
            $"<dd data-testid=\"cost\">{e.Encode(t("No per-segment cost: WhatsApp does not charge by length"))}</dd>";
        if (Reply.TooLong)
        {
            return html + $"<dt>{e.Encode(t("Not sent"))}</dt>" +
                $"<dd data-testid=\"too-long\" class=\"error\">{e.Encode(Reply.Refusal(t))}</dd></dl>";
        }

        if (Reply.Parts.Count > 1)
        {
            html += $"<dt>{e.Encode(t("Sent as messages"))}</dt><dd data-testid=\"messages\">{Reply.Parts.Count}</dd>";
        }

        if (Reply.Parts.Count == 0)
        {
            return html + "</dl>";
        }

        var lang = $" lang=\"{e.Encode(Reply.Language)}\"";
        return html + $"<dt>{e.Encode(t("As it will arrive"))}</dt>" + string.Concat(Reply.Parts.Select(p =>
            $"<dd data-testid=\"as-sent\"{lang} class=\"as-sent\">{e.Encode(p)}</dd>")) + "</dl>";
    }
}
