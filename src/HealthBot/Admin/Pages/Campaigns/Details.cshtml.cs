using HealthBot.Campaigns;
using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin.Pages.Campaigns;

/// <summary>
/// One campaign: its definition, audience now and message lengths for all staff; pause, resume, cancel and test send
/// for admins only (checked per handler, since the page itself is open to every role).
/// </summary>
public sealed class CampaignsDetailsModel(CampaignService campaigns, CampaignWorkspace workspace, IAuthorizationService authorization, IOptions<AdminOptions> options)
    : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public CampaignRow Row { get; private set; } = null!;

    public CampaignDefinition? Definition { get; private set; }

    public int? Audience { get; private set; }

    public IReadOnlyList<MessagePreview> Messages { get; private set; } = [];


    public IReadOnlyList<LanguageReach> Reach { get; private set; } = [];

    public bool CanChange { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostPauseAsync() => ChangeAsync("pause");

    public Task<IActionResult> OnPostResumeAsync() => ChangeAsync("resume");

    public Task<IActionResult> OnPostCancelAsync() => ChangeAsync("cancel");

    public async Task<IActionResult> OnPostTestSendAsync(string channel, string to, string? language)
    {
        if (!await IsAdminAsync())
        {
            return Forbid();
        }

        if (campaigns.Find(Key) is not { } row)
        {
            return NotFound();
        }

        var result = await workspace.TestSendAsync(Actor, row, channel ?? string.Empty, to ?? string.Empty, language);
        Show(result.Sent, T("Test message queued."), $"{T("Not sent:")} {HttpContext.Built(result.Problem)}");
        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(string verb)
    {
        // Viewing is for all staff; changing a campaign is an admin's decision.
        if (!await IsAdminAsync())
        {
            return Forbid();
        }

        if (campaigns.Find(Key) is not { } row)
        {
            return NotFound();
        }

        var changed = await workspace.SetStateAsync(Actor, row.Id, verb);
        Show(changed, T("Saved."), $"{T("Nothing changed: the campaign is")} {T(row.State)}.");
        await LoadAsync();
        return Page();
    }

    private void Show(bool done, string message, string error)
    {
        Message = done ? message : null;
        Error = done ? null : error;
    }

    private string Key => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> IsAdminAsync() => (await authorization.AuthorizeAsync(User, StaffRoles.AdminPolicy)).Succeeded;

    private async Task<bool> LoadAsync()
    {
        if (campaigns.Find(Key) is not { } row)
        {
            return false;
        }

        Row = row;
        Definition = CampaignView.TryParse(row.Definition);
        if (Definition is not null)
        {
            Audience = campaigns.Preview(Definition);
            Messages = CampaignView.Messages(Definition, options.Value);
            Reach = LanguageReach.For(Definition, campaigns.PreviewByLanguage(Definition));
        }

        CanChange = await IsAdminAsync();
        return true;
    }
}
