using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages;

public sealed class LoginModel(StaffAccounts accounts) : AdminPageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public const string RefusedMessage =
        "Wrong email or password. After too many failed attempts an account is locked for a while: wait and try again.";

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (result, principal) = await accounts.SignInAsync(Email, Password);
        if (result != SignInResult.Success || principal is null)
        {
            // One answer for a wrong password, an unknown address and a locked account, so the page does not tell
            // which addresses have accounts.
            Error = T(RefusedMessage);
            return Page();
        }

        await HttpContext.SignInAsync(principal);
        // Only local paths: an open redirect would let a link send staff to a look-alike site after signing in.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
    }
}
