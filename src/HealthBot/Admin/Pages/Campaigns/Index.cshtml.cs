using HealthBot.Campaigns;
using HealthBot.Data;

namespace HealthBot.Admin.Pages.Campaigns;

/// <summary>Every campaign with its state and the report's main counts; open to all staff.</summary>
public sealed class CampaignsIndexModel(CampaignService campaigns) : AdminPageModel
{
    public sealed record Line(CampaignRow Row, string Schedule, CampaignReport? Report);

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public void OnGet() => Lines = campaigns.List()
        .Select(r => new Line(r, CampaignView.Schedule(CampaignView.TryParse(r.Definition)?.Schedule, UiText.Language(HttpContext)), campaigns.Report(r.Id)))
        .ToList();
}
