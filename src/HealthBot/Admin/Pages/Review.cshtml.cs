using HealthBot.Data;

namespace HealthBot.Admin.Pages;

public sealed class ReviewModel(SqlContentEditStore edits) : AdminPageModel
{
    public IReadOnlyList<ContentEdit> Waiting { get; private set; } = [];

    public async Task OnGetAsync() => Waiting = await edits.InStateAsync("review");
}
