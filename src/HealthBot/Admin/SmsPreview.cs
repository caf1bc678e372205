using System.Globalization;
using System.Text.Encodings.Web;
using HealthBot.Admin.Inbox;
using HealthBot.Sms;

namespace HealthBot.Admin;

/// <summary>
/// The editor's and the campaign page's SMS preview: the text measured after <see cref="OutgoingSms.Prepare"/>, the
/// function every sender uses, so the encoding, segments and cost shown are those of the message that arrives.
/// </summary>
public sealed record SmsPreview(OutgoingSms Sms, string? Language, decimal Cost, string Currency)
{
    public string Encoding => Sms.Info.EncodingName;

    public int Segments => Reply is { TooLong: false } reply
        ? reply.Parts.Sum(p => SmsSegments.Analyze(p).Segments)
        : Sms.Info.Segments;

    /// <summary>A staff reply as its sending provider takes it (parts, limits), or null (editor, campaigns).</summary>
    public StaffReply? Reply { get; init; }

    public int Units => Sms.Info.Units;

    public string CostText => $"{Cost.ToString("0.0000", CultureInfo.InvariantCulture)} {Currency}";

    /// <param name="foldAccents">Dialog:FoldAccentsForSms for replies; campaigns always fold (see the planner).</param>
    public static SmsPreview For(string text, string? language, AdminOptions options, bool foldAccents = true) =>
        Priced(OutgoingSms.Measure(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), language, foldAccents),
            language, options);

    /// <summary>A staff reply, priced as the messages its provider will send (Kannel's one-part pieces…).</summary>
    public static SmsPreview ForReply(string text, StaffReply reply, AdminOptions options, bool foldAccents)
    {
        var preview = For(text, reply.Language, options, foldAccents) with { Reply = reply };
        return preview with { Cost = preview.Segments * options.SmsSegmentPrice };
    }

    /// <summary>A text and what its sender made of it (campaigns: <c>CampaignPlanner.ForChannel</c>).</summary>
    public static SmsPreview Of(string written, string sent, string? language, AdminOptions options) =>
        Priced(new OutgoingSms(written, sent, SmsSegments.Analyze(sent), SmartEncoding.FoldClashes(written, language)),
            language, options);

    private static SmsPreview Priced(OutgoingSms sms, string? language, AdminOptions options) =>
        new(sms, language, sms.Info.Segments * options.SmsSegmentPrice, options.Currency);

    /// <summary>The preview as an HTML fragment, for the page and for the script that refreshes it.</summary>
    public string ToHtml(Func<string, string> t)
    {
        var e = HtmlEncoder.Default;
        var html = $"<dl><dt>{e.Encode(t("Encoding"))}</dt><dd data-testid=\"encoding\">{Encoding}</dd>" +
            $"<dt>{e.Encode(t("Segments"))}</dt><dd data-testid=\"segments\">{Segments}</dd>" +
            $"<dt>{e.Encode(t("Characters"))}</dt><dd>{Units}</dd>" +
            $"<dt>{e.Encode(t("Cost per message"))}</dt><dd data-testid=\"cost\">{e.Encode(CostText)}</dd>" +
            ReplyHtml(t);
        if (Sms.Changed)
        {
            var lang = Language is null ? "" : $" lang=\"{e.Encode(Language)}\"";
            html += $"<dt>{e.Encode(t("As it will arrive"))}</dt>" +
                $"<dd data-testid=\"as-sent\"{lang} class=\"as-sent\">{e.Encode(Sms.Text)}</dd>";
        }

        if (Sms.Clashes.Count > 0)
        {
            var words = string.Join(", ", Sms.Clashes.Select(c => $"{c.Word} → {c.Folded}"));
            var why = t("Sent with its accents (UCS-2), because without them a word would change");
            html += $"<dt>{e.Encode(why)}</dt>" +
                $"<dd data-testid=\"clashes\">{e.Encode(words)}</dd>";
        }

        return html + "</dl>";
    }

    private string ReplyHtml(Func<string, string> t)
    {
        if (Reply is not { } reply)
        {
            return string.Empty;
        }

        var e = HtmlEncoder.Default;
        var html = $"<dt>{e.Encode(t("Provider"))}</dt>" +
            $"<dd data-testid=\"provider\">{e.Encode(reply.Provider is { } p ? UiText.ProviderName(p, t) : "")}</dd>";
        if (reply.TooLong)
        {
            return html + $"<dt>{e.Encode(t("Not sent"))}</dt>" +
                $"<dd data-testid=\"too-long\" class=\"error\">{e.Encode(reply.Refusal(t))}</dd>";
        }

        return reply.Parts.Count < 2 ? html
            : html + $"<dt>{e.Encode(t("Sent as messages"))}</dt><dd data-testid=\"messages\">{reply.Parts.Count}</dd>";
    }
}
