using HealthBot.Campaigns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin.Pages.Campaigns;

/// <summary>
/// Create a campaign from its definition. Problems from <see cref="CampaignValidator"/> are shown above the form, in
/// its words; Preview shows the audience, who gets what per language and the SMS lengths without storing anything.
/// Both boxes start empty: the example is one button away, so none of its texts goes out by mistake.
/// </summary>
[Authorize(Policy = StaffRoles.AdminPolicy)]
public sealed class CampaignsNewModel(CampaignService campaigns, CampaignWorkspace workspace, IOptions<AdminOptions> options) : AdminPageModel
{
    [BindProperty]
    public string Definition { get; set; } = string.Empty;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public int? Audience { get; private set; }

    [BindProperty]
    public CampaignForm Form { get; set; } = new();

    public IReadOnlyList<MessagePreview> Messages { get; private set; } = [];

    public IReadOnlyList<LanguageReach> Reach { get; private set; } = [];

    public void OnGet()
    {
    }

    /// <summary>Fills both boxes with the weekly pregnancy example, to edit rather than write from nothing.</summary>
    public IActionResult OnPostExample()
    {
        Form = CampaignForm.Example();
        Definition = CampaignExample.Pregnancy;
        ModelState.Clear();
        return Page();
    }

    public IActionResult OnPostPreview()
    {
        Mirror(Check());
        return Page();
    }

    /// <summary>The guided form becomes the definition in the box below it, checked and previewed, for a last look before Create.</summary>
    public IActionResult OnPostBuild()
    {
        var (json, formProblems) = Form.ToJson();
        Definition = json;
        Check();
        Problems = [.. formProblems, .. Problems];
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var checkedDefinition = Check();
        Mirror(checkedDefinition);
        if (checkedDefinition is null)
        {
            return Page();
        }

        var created = await workspace.CreateAsync(Actor, Definition);
        if (created.Id is { } id)
        {
            return Redirect($"/admin/campaigns/{id}");
        }

        Problems = created.Problems;
        return Page();
    }

    /// <summary>Fills the problems, or the audience and message previews; returns the definition when it is valid.</summary>
    private CampaignDefinition? Check()
    {
        var (definition, problems) = campaigns.Parse(Definition ?? string.Empty);
        Problems = problems;
        if (definition is null)
        {
            return null;
        }

        Messages = CampaignView.Messages(definition, options.Value);
        if (problems.Count > 0)
        {
            return null;
        }

        Audience = campaigns.Preview(definition);
        Reach = LanguageReach.For(definition, campaigns.PreviewByLanguage(definition));
        return definition;
    }

    /// <summary>The guided form shows the definition that was previewed or created (it was not part of that post).</summary>
    private void Mirror(CampaignDefinition? definition)
    {
        var (parsed, _) = definition is null ? campaigns.Parse(Definition ?? string.Empty) : (definition, []);
        Form = parsed is null ? new CampaignForm() : CampaignForm.Showing(parsed);
        ModelState.Clear();
    }
}
