using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages;

/// <summary>Accounts: add, change role, set a new password, disable or enable. Every change is audited and ends the account's sessions.</summary>
[Authorize(Policy = StaffRoles.AdminPolicy)]
public sealed class UsersModel(SqlStaffStore store, StaffAccounts accounts) : AdminPageModel
{
    public IReadOnlyList<StaffUser> Users { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync() => Users = await store.ListAsync();

    public Task<IActionResult> OnPostAsync(string email, string role, string password) =>
        ChangeAsync(() => accounts.CreateAsync(email, role, password, Actor));

    public Task<IActionResult> OnPostRoleAsync(string email, string role) =>
        ChangeOtherAsync(email, () => accounts.SetRoleAsync(email, role, Actor));

    public Task<IActionResult> OnPostPasswordAsync(string email, string password) =>
        ChangeAsync(() => accounts.SetPasswordAsync(email, password, Actor));

    public Task<IActionResult> OnPostDisableAsync(string email) =>
        ChangeOtherAsync(email, () => accounts.SetDisabledAsync(email, true, Actor));

    public Task<IActionResult> OnPostEnableAsync(string email) =>
        ChangeOtherAsync(email, () => accounts.SetDisabledAsync(email, false, Actor));

    /// <summary>An admin cannot demote or disable themselves, so the last admin cannot lock everyone out by mistake.</summary>
    private Task<IActionResult> ChangeOtherAsync(string email, Func<Task> change) =>
        string.Equals(email?.Trim(), Actor, StringComparison.OrdinalIgnoreCase)
            ? ShowAsync(T("You cannot change the role of your own account or disable it."))
            : ChangeAsync(change);

    private async Task<IActionResult> ChangeAsync(Func<Task> change)
    {
        try
        {
            await change();
            return await ShowAsync(T("Saved."));
        }
        catch (ArgumentException ex)
        {
            return await ShowAsync(HttpContext.Built(ex.Message));
        }
    }

    private async Task<IActionResult> ShowAsync(string message)
    {
        Message = message;
        Users = await store.ListAsync();
        return Page();
    }
}
