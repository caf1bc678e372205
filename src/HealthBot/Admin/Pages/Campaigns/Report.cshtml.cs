using HealthBot.Campaigns;
using HealthBot.Data;
using Microsoft.AspNetCore.Mvc;

namespace HealthBot.Admin.Pages.Campaigns;

/// <summary>What a campaign did, as <see cref="CampaignService.Report"/> counts it; open to all staff.</summary>
public sealed class CampaignsReportModel(CampaignService campaigns) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public CampaignReport Report { get; private set; } = null!;

    public IActionResult OnGet()
    {
        if (campaigns.Report(Id) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
