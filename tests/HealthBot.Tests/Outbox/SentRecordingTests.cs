using HealthBot.Data;
using HealthBot.Outbox;
using HealthBot.Tests.Campaigns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthBot.Tests.Outbox;

/// <summary>
/// Sends are recorded many at a time where the provider can be asked about a send after a crash (nothing is sent twice
/// there); through a provider that cannot be asked, each send is recorded before the next, so a node killed
/// mid-batch repeats at most the one message in flight, not the whole batch.
/// </summary>
public sealed class SentRecordingTests
{
    private static readonly DateTimeOffset Noon = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero); // 12:00 in Nairobi

    [Theory]
    [InlineData(true, new[] { 0, 0, 0, 0, 0 })]
    [InlineData(false, new[] { 0, 1, 2, 3, 4 })]
    public async Task Sends_recorded_before_the_next_one_starts_only_where_the_provider_cannot_be_asked(
        bool lookup, int[] recordedAtEachSend)
    {
        var settings = new Dictionary<string, string?> { ["Outbox:MaxParallelSends"] = "1" };
        await using var h = await CampaignHarness.StartAsync(Noon, settings,
            configure: lookup ? null : services => services.RemoveAll<IDeliveryLookup>());
        for (var i = 0; i < 5; i++)
        {
            await h.ContactAsync($"+25471100{i:D4}", "en", "Africa/Nairobi", group: "alerts");
        }

        var recorded = new List<int>();
        h.Peer.OnMessage = _ =>
        {
            using var connection = h.Get<Database>().Open();
            recorded.Add((int)connection.Command("SELECT COUNT(*) FROM outbox WHERE state = 'done'").ScalarLong());
        };
        await h.CreateAsync(CampaignJson.Once("batch", new DateTime(2027, 1, 11, 11, 0, 0), "Africa/Nairobi",
            group: "alerts"));
        await h.StepAsync();

        Assert.Equal(recordedAtEachSend, recorded);
        Assert.Equal(5, await h.Get<IOutboxStore>().CountAsync("done"));
    }
}
