using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// A page links only to what the person's role may open (Admin/README.md's roles): every link on the Review list and
/// on a topic's history answers them, never 403.
/// </summary>
public sealed partial class RoleLinksTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Responder)]
    [InlineData(StaffRoles.Viewer)]
    [InlineData(StaffRoles.Reviewer)]
    public async Task Every_review_and_content_link_a_role_is_shown_opens_for_that_role(string role)
    {
        var store = factory.Service<SqlContentEditStore>();
        var id = await store.SaveDraftAsync("handwashing", "en", 9, "Handwashing", "Wash.", "Wash.", "x@ngo.example");
        Assert.True(await store.TransitionAsync(id, "draft", "review"));
        var client = await factory.SignedInAsync(role);

        var links = new List<string>();
        foreach (var page in new[] { "/admin/review", "/admin/content", "/admin/content/handwashing/en/history" })
        {
            var html = await client.GetStringAsync(page);
            links.AddRange(Links().Matches(html).Select(m => m.Groups[1].Value)
                .Where(l => l.StartsWith("/admin/review/", StringComparison.Ordinal)
                    || l.StartsWith("/admin/content/handwashing/", StringComparison.Ordinal)));
        }

        Assert.NotEmpty(links); // the history pages at least
        foreach (var link in links.Distinct())
        {
            var status = (await client.GetAsync(link)).StatusCode;
            Assert.True(status == HttpStatusCode.OK, $"{role}: {link} answered {(int)status}");
        }

        var review = await client.GetStringAsync("/admin/review");
        Assert.Contains("handwashing", review, StringComparison.Ordinal); // the list itself still shows the item
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Links();
}
