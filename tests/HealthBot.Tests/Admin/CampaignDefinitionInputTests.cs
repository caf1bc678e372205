using System.Net;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>Whatever staff paste into the definition box, the page answers with problems in words, never a server error.</summary>
public sealed class CampaignDefinitionInputTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Odd_definitions_get_a_page_with_problems()
    {
        string[] inputs =
        [
            "", "null", "[]", "{}", "{\"name\": 5}", "{\"messages\": [null]}", "{\"messages\": [{\"text\": {\"en\": null}}]}", "{\"channels\": [null], \"messages\": [{\"text\": null}]}",
            "{\"name\": \"x\", \"schedule\": {\"kind\": \"relative\"}}", "{\"name\": \"x\", \"schedule\": {\"kind\": \"relative\", \"field\": \"d\", \"from\": \"soon\"}}",
            "{\"name\": \"x\", \"channels\": [\"sms\"], \"schedule\": {\"kind\": \"once\", \"at\": \"tuesday\"}}",
            "{\"name\": \"x\", \"audience\": {\"languages\": [null], \"fields\": {\"a\": null}}}",
        ];
        var admin = await factory.SignedInAsync(StaffRoles.Admin);
        foreach (var handler in new[] { "Preview", "Create" })
        {
            foreach (var input in inputs)
            {
                var response = await admin.PostAsync($"/admin/campaigns/new?handler={handler}",
                    await AdminHttp.FormAsync(admin, "/admin/campaigns/new", new() { ["Definition"] = input }));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{handler} {input}: {response.StatusCode}");
                Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }
}
