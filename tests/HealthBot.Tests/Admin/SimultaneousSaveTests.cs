using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Several people save the same item at the same moment, each from a form opened on the same version: exactly one
/// save wins and every other person gets the conflict page with their own text on it (no update silently lost).
/// </summary>
public sealed partial class SimultaneousSaveTests : IAsyncLifetime
{
    private const string Page = "/admin/content/handwashing/en";
    private const string TriagePage = "/admin/triage/en";
    private const int Rounds = 10;
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Simultaneous_content_saves_from_one_version_let_exactly_one_win_and_keep_every_other_text() =>
        await RaceAsync(StaffRoles.Editor, Page, async (client, word) => await AdminHttp.FormAsync(client, Page, new()
        {
            ["Title"] = "Handwashing",
            ["Sms"] = $"Wash your hands with soap and water. {word}",
            ["Web"] = "Wash your hands with soap and water.",
        }));

    [Fact]
    public async Task Simultaneous_triage_saves_from_one_version_let_exactly_one_win_and_keep_every_other_text() =>
        await RaceAsync(StaffRoles.Admin, TriagePage, async (client, word) =>
        {
            var html = await client.GetStringAsync(TriagePage);
            var rules = WebUtility.HtmlDecode(Rules().Match(html).Groups[1].Value).Replace("\r\n", "\n");
            return await AdminHttp.FormAsync(client, TriagePage, new()
            {
                ["Rules"] = rules.TrimEnd() + $"\n\n## emergency: {word}\nsigns: purple spots spreading\n",
            });
        });

    /// <summary>Each round 2–5 people open the page, then all post at once; the first round starts a draft (no
    /// open draft yet), the later ones change it.</summary>
    private async Task RaceAsync(
        string role, string page, Func<HttpClient, string, Task<FormUrlEncodedContent>> form)
    {
        var people = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await factory.SignedInAsync(role));
        }

        for (var round = 0; round < Rounds; round++)
        {
            var count = 2 + (round % 4);
            var words = Enumerable.Range(0, count).Select(i => $"round{round}person{i}").ToList();
            var forms = new List<FormUrlEncodedContent>();
            for (var i = 0; i < count; i++)
            {
                forms.Add(await form(people[i], words[i])); // every form opened before anyone saves
            }

            using var start = new Barrier(count);
            var posts = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                using var response = await people[i].PostAsync($"{page}?handler=Save", forms[i]);
                return (response.StatusCode, Html: await response.Content.ReadAsStringAsync());
            })).ToList();
            var results = await Task.WhenAll(posts);

            var winners = Enumerable.Range(0, count)
                .Where(i => results[i].StatusCode == HttpStatusCode.Redirect).ToList();
            Assert.True(winners.Count == 1, $"round {round}: {winners.Count} of {count} saves succeeded " +
                $"({string.Join(", ", results.Select(r => (int)r.StatusCode))})");
            var saved = await people[0].GetStringAsync(page);
            Assert.Contains(words[winners[0]], saved, StringComparison.Ordinal);
            foreach (var loser in Enumerable.Range(0, count).Where(i => i != winners[0]))
            {
                Assert.Equal(HttpStatusCode.Conflict, results[loser].StatusCode);
                Assert.Contains(words[loser], results[loser].Html, StringComparison.Ordinal); // their text is kept
                Assert.DoesNotContain(words[loser], saved, StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex("<textarea id=\"rules\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex Rules();
}
