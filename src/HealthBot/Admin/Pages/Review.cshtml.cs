using HealthBot.Data;
using Microsoft.AspNetCore.Authorization;

namespace HealthBot.Admin.Pages;

/// <summary>What waits for review, for every role; only those who may publish (reviewers, admins) get links to the
/// review pages, which answer 403 to anyone else.</summary>
public sealed class ReviewModel(SqlContentEditStore edits, IAuthorizationService authorization) : AdminPageModel
{
    public IReadOnlyList<ContentEdit> Waiting { get; private set; } = [];

    public bool CanReview { get; private set; }

    public async Task OnGetAsync()
    {
        Waiting = await edits.InStateAsync("review");
        CanReview = (await authorization.AuthorizeAsync(User, StaffRoles.PublishPolicy)).Succeeded;
    }
}
