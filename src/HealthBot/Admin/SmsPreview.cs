using System.Globalization;
using System.Text.Encodings.Web;
using HealthBot.Sms;

namespace HealthBot.Admin;

/// <summary>The editor's SMS preview, computed on the server with the same segment arithmetic the outbox is billed by.</summary>
public sealed record SmsPreview(string Encoding, int Segments, int Units, decimal Cost, string Currency)
{
    public static SmsPreview For(string text, AdminOptions options)
    {
        var info = SmsSegments.Analyze(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        return new SmsPreview(info.EncodingName, info.Segments, info.Units, info.Segments * options.SmsSegmentPrice, options.Currency);
    }

    /// <summary>The preview as an HTML fragment, for the page and for the script that refreshes it.</summary>
    public string ToHtml(Func<string, string> t)
    {
        var e = HtmlEncoder.Default;
        var cost = Cost.ToString("0.0000", CultureInfo.InvariantCulture);
        return $"<dl><dt>{e.Encode(t("Encoding"))}</dt><dd data-testid=\"encoding\">{Encoding}</dd>" +
            $"<dt>{e.Encode(t("Segments"))}</dt><dd data-testid=\"segments\">{Segments}</dd>" +
            $"<dt>{e.Encode(t("Characters"))}</dt><dd>{Units}</dd>" +
            $"<dt>{e.Encode(t("Cost per message"))}</dt><dd data-testid=\"cost\">{cost} {e.Encode(Currency)}</dd></dl>";
    }
}
