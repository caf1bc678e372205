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

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        buffer.Position = 0;
        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true)
        {
            await buffer.CopyToAsync(original, http.RequestAborted);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(Patch(Encoding.UTF8.GetString(buffer.ToArray())));
        http.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, http.RequestAborted);
    }

    /// <summary>The dashboard's own markup (Hangfire 1.8), with the attributes axe asks for added.</summary>
    public static string Patch(string html)
    {
        // Hangfire writes the invariant culture's name, "iv"; its words are English.
        html = HtmlLang().Replace(html, "<html lang=\"en\"", 1);
        html = html.Replace("<button type=\"button\" class=\"navbar-toggle\"",
            "<button type=\"button\" aria-label=\"Menu\" class=\"navbar-toggle\"", StringComparison.Ordinal);
        html = Navbar().Replace(html, "<div role=\"navigation\" class=\"navbar ", 1);
        html = html.Replace("<div class=\"container js-page-container",
            "<div role=\"main\" class=\"container js-page-container", StringComparison.Ordinal);
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

    [GeneratedRegex("<html lang=\"[^\"]*\"")]
    private static partial Regex HtmlLang();

    [GeneratedRegex("<div class=\"navbar ")]
    private static partial Regex Navbar();

    [GeneratedRegex("<h3([\\s>])")]
    private static partial Regex H3Open();
}
