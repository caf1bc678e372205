using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HealthBot.Campaigns;

/// <summary>
/// Hangfire's stock dashboard, wrapped so that it passes axe-core like the rest of the workspace: its pages get a
/// language, landmarks, a name for the menu button, headings in order and colours with enough contrast. Only the
/// HTML pages are touched (a few kilobytes each); scripts, styles and the live statistics pass through unchanged.
/// </summary>
public static partial class JobsDashboardMarkup
{
    // Darker text than Bootstrap 3's greys and Hangfire's state colours, for a 4.5:1 contrast on white (WCAG AA).
    private const string Style = """
        <style>
        .navbar-default .navbar-brand,.navbar-default .navbar-nav>li>a,#footer,#footer a,.text-muted{color:#333}
        .js-page-container h2{font-size:24px}a,.btn-link{color:#0645ad}.scroll{overflow-x:auto}
        .metric .metric-body,.list-group-item .label,.label{color:#fff;background-color:#444}
        </style>
        </head>
        """;

    public static async Task WrapAsync(HttpContext http, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            await next(http);
            return;
        }

        // Hangfire has its own French and Portuguese words (culture resources); other languages get its English.
        var language = Admin.UiText.Language(http);
        var shown = HangfireLanguage(language);
        var culture = CultureInfo.CurrentUICulture;
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(shown == "pt" ? "pt-PT" : shown);
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
            CultureInfo.CurrentUICulture = culture;
        }

        buffer.Position = 0;
        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true)
        {
            await buffer.CopyToAsync(original, http.RequestAborted);
            return;
        }

        var html = Patch(Encoding.UTF8.GetString(buffer.ToArray()), language);
        var warnings = http.RequestServices.GetRequiredService<Maintenance.BoxWarnings>().Current();
        var bytes = Encoding.UTF8.GetBytes(WithWarnings(html, language, warnings));
        http.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, http.RequestAborted);
    }

    /// <summary>The language Hangfire's own words are in for a workspace language: French, Portuguese or English.
    /// </summary>
    public static string HangfireLanguage(string language) => language is "fr" or "pt" ? language : "en";

    /// <summary>
    /// The dashboard's own markup (Hangfire 1.8), with the attributes axe asks for added, the page's language set to
    /// the one its words are in, and, when that is not the staff's, a line in theirs saying so.
    /// </summary>
    public static string Patch(string html, string language = "en")
    {
        var shown = HangfireLanguage(language);
        html = html.Replace("<div class=\"container js-page-container",
            "<div role=\"main\" class=\"container js-page-container", StringComparison.Ordinal);
        // Hangfire writes the culture's name ("iv" for the invariant one); its words are those of HangfireLanguage.
        html = HtmlLang().Replace(html, $"<html lang=\"{shown}\"", 1);
        var menu = WebUtility.HtmlEncode(Admin.UiText.Get(shown, "Menu"));
        html = html.Replace("<button type=\"button\" class=\"navbar-toggle\"",
            $"<button type=\"button\" aria-label=\"{menu}\" class=\"navbar-toggle\"", StringComparison.Ordinal);
        html = html.Replace("HealthBot jobs", WebUtility.HtmlEncode(Admin.UiText.Get(shown, "HealthBot jobs")),
            StringComparison.Ordinal);
        if (shown != language)
        {
            var note = WebUtility.HtmlEncode(Admin.UiText.Get(language, "The jobs dashboard has no words in your " +
                "language: it is shown in English. The rest of the workspace is in yours."));
            html = MainOpen().Replace(html, $"$1<p lang=\"{language}\">{note}</p>", 1);
        }

        html = Navbar().Replace(html, "<div role=\"navigation\" class=\"navbar ", 1);
        html = html.Replace(
            "<div id=\"footer\">", "<div id=\"footer\" role=\"contentinfo\">", StringComparison.Ordinal);
        // The graphs are drawn at the width the page had when it loaded; on a phone they scroll inside their block.
        html = html.Replace("<canvas ", "<div class=\"scroll\"><canvas ", StringComparison.Ordinal)
            .Replace("</canvas>", "</canvas></div>", StringComparison.Ordinal);
        // Pages go from the h1 to h3 ("Realtime Graph"); h2 keeps the order.
        html = H3Open().Replace(html, "<h2$1").Replace("</h3>", "</h2>", StringComparison.Ordinal);
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return head < 0
            ? html
            : string.Concat(html.AsSpan(0, head), Style, html.AsSpan(head + "</head>".Length));
    }

    /// <summary>The box's warnings (a held clock, a full disk, a stopped backup), as on every workspace page.</summary>
    public static string WithWarnings(string html, string language, IReadOnlyList<Maintenance.BoxWarning> warnings)
    {
        if (warnings.Count == 0)
        {
            return html;
        }

        string T(string english) => WebUtility.HtmlEncode(Admin.UiText.Get(language, english));
        var lines = new StringBuilder();
        foreach (var warning in warnings)
        {
            var clock = warning.Check == "clock" ? $" <a href=\"/admin/clock\">{T("Check the box's time")}</a>" : "";
            lines.Append(CultureInfo.InvariantCulture,
                $"<p class=\"error\" role=\"alert\" lang=\"{language}\" data-testid=\"box-{warning.Check}\">" +
                $"{T(warning.What)} ({WebUtility.HtmlEncode(Admin.UiText.Built(language, warning.Detail))}). " +
                $"{T("Run healthbot doctor on the box: it says how to fix it.")}{clock}</p>");
        }

        return MainOpen().Replace(html, $"$1{lines}", 1);
    }

    [GeneratedRegex("<html lang=\"[^\"]*\"")]
    private static partial Regex HtmlLang();

    [GeneratedRegex("(<div role=\"main\" class=\"container js-page-container[^>]*>)")]
    private static partial Regex MainOpen();

    [GeneratedRegex("<div class=\"navbar ")]
    private static partial Regex Navbar();

    [GeneratedRegex("<h3([\\s>])")]
    private static partial Regex H3Open();
}
