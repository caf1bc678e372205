using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthBot.Admin.Pages;

/// <summary>What every workspace page needs: the signed-in person's name and the page's words in their language.</summary>
public abstract class AdminPageModel : PageModel
{
    public string Actor => User.Identity?.Name ?? "anonymous";

    public string T(string english) => HttpContext.T(english);

    /// <summary>A text built in code (a problem, a state line, an audit detail) in the page's language.</summary>
    public string Built(string? english) => HttpContext.Built(english);
}

/// <summary>A refused save's whole text and its changes against the text the form was opened on (null: not known).
/// </summary>
public sealed record UnsavedText(string Text, IReadOnlyList<IReadOnlyList<DiffPart>>? Changes, Func<string, string> T);
