using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin.Pages;

/// <summary>
/// Every workspace error (400, 403, 404, 500…) in the workspace's layout, saying what happened and what to do. The
/// status code is kept, so scripts still see it. Reached by re-execution, also of a POST (a form whose antiforgery
/// token was refused), hence no token check and a handler for both methods.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : AdminPageModel
{
    /// <summary>From the route only: binding it would read the posted form, and a form over the size limit cannot be
    /// read again (its code was then lost, answering with status 0).</summary>
    public int Code { get; private set; }

    /// <summary>The largest form the workspace takes, in plain words ("4 MB").</summary>
    public string FormLimit => Size(HttpContext.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value
        .MaxFormBytes);

    public string Heading => Code switch
    {
        StatusCodes.Status400BadRequest => "The form was not accepted",
        StatusCodes.Status403Forbidden => "Your role does not allow this.",
        StatusCodes.Status404NotFound => "This page does not exist",
        StatusCodes.Status413PayloadTooLarge => "The form was too large to send",
        >= 500 => "Something went wrong on the server",
        _ => "The request could not be completed",
    };

    public string Advice => Code switch
    {
        // A form that could not be read says why (a control character in a named field, a broken body).
        StatusCodes.Status400BadRequest when HttpContext.Items[FormProblems.ItemKey] is string problem => problem,
        StatusCodes.Status400BadRequest =>
            "Nothing was saved: the form had expired (for example after you signed in again) or came from another " +
            "site. Go back, reload the page and send the form again.",
        StatusCodes.Status403Forbidden =>
            "Ask an admin for a role that allows it, or go back to the dashboard.",
        StatusCodes.Status404NotFound =>
            "Check the address, or start again from the dashboard. What you looked for may have been removed.",
        StatusCodes.Status413PayloadTooLarge => $"Nothing was saved: the workspace accepts a form of at most " +
            $"{FormLimit}. Go back (your browser usually still has your text there), make it shorter or save it " +
            "in parts, and send it again.",
        >= 500 =>
            "Try again in a minute. If it happens again, tell your administrator what you did and at what time.",
        _ => "Go back and try again, or start again from the dashboard.",
    };

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        // Only re-executed errors keep their code; /admin/error/418 typed in the address bar is a plain 404.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        Code = reExecuted && int.TryParse(RouteData.Values["code"]?.ToString(), CultureInfo.InvariantCulture,
            out var code) ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        return Page();
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
