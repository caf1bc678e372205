using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
    [BindProperty(SupportsGet = true)]
    public int Code { get; set; }

    public string Heading => Code switch
    {
        StatusCodes.Status400BadRequest => "The form was not accepted",
        StatusCodes.Status403Forbidden => "Your role does not allow this.",
        StatusCodes.Status404NotFound => "This page does not exist",
        >= 500 => "Something went wrong on the server",
        _ => "The request could not be completed",
    };

    public string Advice => Code switch
    {
        StatusCodes.Status400BadRequest =>
            "Nothing was saved: the form had expired (for example after you signed in again) or came from another " +
            "site. Go back, reload the page and send the form again.",
        StatusCodes.Status403Forbidden =>
            "Ask an admin for a role that allows it, or go back to the dashboard.",
        StatusCodes.Status404NotFound =>
            "Check the address, or start again from the dashboard. What you looked for may have been removed.",
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
        Code = reExecuted ? Code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        return Page();
    }
}
