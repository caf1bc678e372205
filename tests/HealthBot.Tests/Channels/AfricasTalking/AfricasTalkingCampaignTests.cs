using HealthBot.Channels.AfricasTalking;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Campaigns;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// A campaign on SMS through Africa's Talking, with fake time: each language's text reaches its people in one bulk
/// call (comma-separated <c>to</c>), and every message keeps its own recipient's messageId for delivery reports.
/// </summary>
public sealed class AfricasTalkingCampaignTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2027, 1, 11, 6, 0, 0, TimeSpan.Zero);
    private LocalAfricasTalkingPeer peer = null!;
    private CampaignHarness h = null!;

    public async Task InitializeAsync()
    {
        peer = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        var settings = AfricasTalkingEndToEndTests.Settings(peer);
        // A wide window, so a busy test machine starting the sends slowly still gathers them.
        settings["AfricasTalking:BulkWindowMilliseconds"] = "1000";
        AfricasTalkingReplyFromTests.Codes(peer, settings);
        h = await CampaignHarness.StartAsync(Morning, settings);
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await peer.DisposeAsync();
    }

    [Fact]
    public async Task A_campaign_reaches_everyone_in_one_call_per_language_text()
    {
        var english = Enumerable.Range(0, 10).Select(i => $"+2547110007{i:00}").ToList();
        var swahili = Enumerable.Range(20, 5).Select(i => $"+2547110007{i:00}").ToList();
        foreach (var number in english)
        {
            await h.ContactAsync(number, "en", "Africa/Nairobi", "alerts");
        }

        foreach (var number in swahili)
        {
            await h.ContactAsync(number, "sw", "Africa/Nairobi", "alerts");
        }

        await h.CreateAsync(
            CampaignJson.Once("clinic", new DateTime(2027, 1, 11, 12, 0, 0), "Africa/Nairobi", "alerts"));

        await h.RunUntilAsync(Morning.AddHours(4), TimeSpan.FromMinutes(10));

        Assert.Equal(english.Concat(swahili).Order(), peer.Sent.Select(s => s.To).Order());
        Assert.All(peer.Sent.Where(s => english.Contains(s.To)),
            s => Assert.Equal("Vaccination day is Tuesday at the clinic.", s.Message));
        Assert.All(peer.Sent.Where(s => swahili.Contains(s.To)),
            s => Assert.Equal("Vaccination day is Tuesday at the clinic. (sw)", s.Message));
        // The outbox hands over 16 sends at a time (Outbox:MaxParallelSends): 10 English share a call, 5 Swahili
        // another.
        Assert.Equal(2, peer.Sent.Select(s => s.Call).Distinct().Count());
        var contact = await h.Get<IContactStore>().FindAsync("sms", english[3]);
        var message = Assert.Single(await h.Get<IMessageStore>().ConversationAsync(contact!.Id, 0, 10));
        Assert.Equal(peer.Sent.Single(s => s.To == english[3]).MessageId, message.ProviderId);
        Assert.Equal("sent", message.Status);
    }

    /// <summary>A campaign answers nobody: it goes from AfricasTalking:From, not the code one last wrote to.</summary>
    [Fact]
    public async Task A_campaign_goes_from_the_configured_sender_even_to_someone_who_wrote_to_another_code()
    {
        var numbers = Enumerable.Range(60, 3).Select(i => $"+2547110007{i:00}").ToList();
        foreach (var number in numbers)
        {
            await h.ContactAsync(number, "en", "Africa/Nairobi", "alerts");
        }

        var messages = h.Get<IMessageStore>();
        var wrote = await messages.RecordInboundAsync(new HealthBot.Dialog.InboundMessage(
            "sms", numbers[0], "thanks", "at-in-960", Morning)
        {
            Provider = AfricasTalkingProvider.Name, To = AfricasTalkingReplyFromTests.OtherCode,
        });
        await messages.CompleteInboundAsync(wrote.MessageId, "en", []);
        await h.CreateAsync(
            CampaignJson.Once("clinic3", new DateTime(2027, 1, 11, 12, 0, 0), "Africa/Nairobi", "alerts"));

        await h.RunUntilAsync(Morning.AddHours(4), TimeSpan.FromMinutes(10));

        var campaign = peer.Sent.Where(s => s.Message.StartsWith("Vaccination day", StringComparison.Ordinal)).ToList();
        Assert.Equal(numbers.Order(), campaign.Select(s => s.To).Order());
        Assert.All(campaign, s => Assert.Equal("21525", s.From));
    }

    [Fact]
    public async Task In_a_bulk_call_a_blacklisted_person_fails_and_is_opted_out_while_the_others_go()
    {
        var numbers = Enumerable.Range(40, 4).Select(i => $"+2547110007{i:00}").ToList();
        foreach (var number in numbers)
        {
            await h.ContactAsync(number, "en", "Africa/Nairobi", "alerts");
        }

        peer.Script(numbers[1], 406);
        await h.CreateAsync(
            CampaignJson.Once("clinic2", new DateTime(2027, 1, 11, 12, 0, 0), "Africa/Nairobi", "alerts"));

        await h.RunUntilAsync(Morning.AddHours(4), TimeSpan.FromMinutes(10));

        Assert.Equal(3, peer.Sent.Count);
        Assert.Single(peer.Sent.Select(s => s.Call).Distinct());
        var blocked = await h.Get<IContactStore>().FindAsync("sms", numbers[1]);
        Assert.Equal(Consent.OptedOut, blocked!.Consent);
        var failed = Assert.Single(await h.Get<IMessageStore>().ConversationAsync(blocked.Id, 0, 10));
        Assert.Equal(("failed", "at-406"), (failed.Status, failed.ErrorCode));
    }
}
