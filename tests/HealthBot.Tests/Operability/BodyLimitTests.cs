using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Operability;

/// <summary>
/// Security test #11: every endpoint has a small body limit (64 KB by default); the contacts CSV import has its own
/// larger one. On a real socket, because the limits are Kestrel's.
/// </summary>
public sealed class BodyLimitTests
{
    private const string Admin = "admin-token-for-tests";

    [Fact]
    public async Task A_large_contacts_csv_is_imported_while_the_same_size_elsewhere_is_refused_with_413()
    {
        await using var factory = new HealthBotFactory(
            settings: new Dictionary<string, string?> { ["Campaigns:AdminToken"] = Admin });
        using var client = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
        var csv = new StringBuilder("phone,consent,language\n");
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"+2547003{i:D5},yes,en\n");
        }

        Assert.True(csv.Length > 100_000);
        var body = csv.ToString();
        var import = await client.PostAsync("/api/contacts/import", new StringContent(body, Encoding.UTF8, "text/csv"));
        var preview = await client.PostAsync("/api/campaigns/preview", new StringContent(body, Encoding.UTF8));

        Assert.True(import.IsSuccessStatusCode, 
            $"{(int)import.StatusCode}: {await import.Content.ReadAsStringAsync()}");
        Assert.Equal(5000, (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, preview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
