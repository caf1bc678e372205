using System.Text;

namespace HealthBot.Admin;

/// <summary>
/// Why a workspace form could not be read, when it is not its size: a value with a character the form reader refuses
/// (NUL), or a body that is not a well-formed form. Said in plain words (HTTP 400), naming the field when it can.
/// </summary>
public static class FormProblems
{
    /// <summary>Where the reason waits for the error page (the re-execution shares the request's items).</summary>
    public const string ItemKey = "HealthBot.Admin.FormProblem";

    public const string Unreadable = "The form could not be read (it was cut off or not sent as a browser sends " +
        "it). Nothing was saved: go back, reload the page and send the form again.";

    public const string ControlCharacter = "{0} contains a control character (an invisible code, often pasted from " +
        "another program). Nothing was saved: delete it or type the text again, and save again.";

    /// <summary>The editors' fields as their labels say them; another field is "A field".</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Title"] = "Title", ["Sms"] = "SMS text", ["Web"] = "Web text", ["Keywords"] = "Keywords (one a line)",
        ["Examples"] = "Example questions (one a line)", ["Rules"] = "Danger-sign rules (triage.md)",
    };

    /// <summary>True for a character no text field needs (tab, line feed and carriage return are text).</summary>
    public static bool IsControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    /// <summary>The sentence for the first field holding a control character; null when none does.</summary>
    public static string? Control(params (string Label, string? Text)[] fields) => fields
        .Where(f => f.Text?.Any(IsControl) == true)
        .Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, ControlCharacter, f.Label))
        .FirstOrDefault();

    /// <summary>
    /// Why an url-encoded body the form reader refused cannot be taken: the first field with a control character
    /// (as a sentence naming it), else <see cref="Unreadable"/>. The body is read from its start (it was buffered).
    /// </summary>
    public static async Task<string> ExplainAsync(Stream body, CancellationToken cancel)
    {
        body.Position = 0;
        using var reader = new StreamReader(body, Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancel);
        foreach (var pair in text.Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && Decode(parts[1]).Any(IsControl))
            {
                var key = Decode(parts[0]);
                return Control((Labels.GetValueOrDefault(key, "A field"), "\0"))!;
            }
        }

        return Unreadable;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return "";
        }
    }
}
