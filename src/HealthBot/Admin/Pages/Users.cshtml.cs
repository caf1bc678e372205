using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages;

[Authorize(Policy = StaffRoles.AdminPolicy)]
public sealed class UsersModel(SqlStaffStore store, StaffAccounts accounts) : AdminPageModel
{
    public IReadOnlyList<StaffUser> Users { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync() => Users = await store.ListAsync();

    public async Task<IActionResult> OnPostAsync(string email, string role, string password)
    {
        try
        {
            await accounts.CreateAsync(email, role, password, Actor);
            Message = T("Saved.");
        }
        catch (ArgumentException ex)
        {
            Message = ex.Message;
        }

        Users = await store.ListAsync();
        return Page();
    }
}
