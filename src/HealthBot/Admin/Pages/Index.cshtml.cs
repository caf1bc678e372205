namespace HealthBot.Admin.Pages;

public sealed class IndexModel : AdminPageModel
{
    public void OnGet()
    {
    }
}
