using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HealthBot.Channels.Meta;

/// <summary>
/// Bodies for <c>POST /{phone-number-id}/messages</c>
/// (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages): free text inside the 24-hour
/// window, an approved template outside it, and an interactive list for choosing a topic.
/// </summary>
public static partial class MetaRequests
{
    /// <summary>Meta's limits for a list: 10 rows, a 24-character row title, a 20-character button.</summary>
    public const int MaxRows = 10;
    public const int MaxRowTitle = 24;
    public const int MaxButton = 20;

    public static object Text(string to, string body) => new
    {
        messaging_product = "whatsapp", recipient_type = "individual", to, type = "text",
        text = new { preview_url = false, body },
    };

    /// <summary>
    /// A template with its body variables in order of their numbers ("1", "2"…). A variable may not hold line breaks,
    /// tabs or more than four spaces in a row (error 132018), so those become single spaces.
    /// </summary>
    public static object Template(string to, string name, string language, string variablesJson)
    {
        var variables = JsonSerializer.Deserialize<Dictionary<string, string>>(variablesJson) ?? [];
        var parameters = variables
            .OrderBy(v => int.TryParse(v.Key, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new { type = "text", text = Spaces().Replace(v.Value, " ").Trim() })
            .ToList();
        object[] components = parameters.Count == 0 ? [] : [new { type = "body", parameters }];
        return new
        {
            messaging_product = "whatsapp", recipient_type = "individual", to, type = "template",
            template = new { name, language = new { code = language }, components },
        };
    }

    /// <summary>An interactive list: the text above, a button that opens it, one row per topic (id, title).</summary>
    public static object List(string to, string body, string button, IReadOnlyList<(string Id, string Title)> rows) =>
        new
        {
            messaging_product = "whatsapp", recipient_type = "individual", to, type = "interactive",
            interactive = new
            {
                type = "list",
                body = new { text = body },
                action = new
                {
                    button = Fit(button, MaxButton),
                    sections = new[]
                    {
                        new
                        {
                            title = Fit(button, MaxRowTitle),
                            rows = rows.Take(MaxRows).Select(r => new { id = r.Id, title = Fit(r.Title, MaxRowTitle) }),
                        },
                    },
                },
            },
        };

    public static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    [GeneratedRegex(@"[\r\n\t]+| {5,}")]
    private static partial Regex Spaces();
}
