using HealthBot.Maintenance;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages;

/// <summary>
/// The box's clock: what it says now and why campaign messages are held. After a jump, an admin compares the time with
/// a phone and confirms it (audited as <c>clock.confirm</c>); that is what releases the messages. The form carries
/// the time the admin was shown: if the clock moved more than <see cref="Moved"/> since, nothing is confirmed (they
/// confirmed what they saw, not what the clock says now).
/// </summary>
public sealed class ClockModel(ClockCheck clock, ClockHold hold, TimeProvider time) : AdminPageModel
{
    public DateTimeOffset Now { get; private set; }

    public string? Problem { get; private set; }

    public bool Confirmed { get; private set; }

    public bool CanConfirm => User.IsInRole(StaffRoles.Admin);

    /// <summary>How far the clock may have moved between showing the page and the press of the button.</summary>
    public static readonly TimeSpan Moved = TimeSpan.FromMinutes(5);

    /// <summary>The shown time, in Unix seconds (the form's hidden field).</summary>
    public long Shown => Now.ToUnixTimeSeconds();

    public string? Refused { get; private set; }

    public void OnGet(bool confirmed = false)
    {
        Now = time.GetUtcNow();
        Problem = clock.CachedCheck(NullLogger);
        Confirmed = confirmed && Problem is null;
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "Shown")] long? shown)
    {
        if (!CanConfirm)
        {
            return Forbid();
        }

        var now = time.GetUtcNow();
        if (shown is not { } seen || (now - DateTimeOffset.FromUnixTimeSeconds(seen)).Duration() > Moved)
        {
            OnGet();
            Refused = T("The clock moved since this page was shown: reload it and check the time again before " +
                        "confirming.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await hold.ConfirmAsync(Actor);
        return LocalRedirect("/admin/clock?confirmed=true");
    }

    private static ILogger NullLogger => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
