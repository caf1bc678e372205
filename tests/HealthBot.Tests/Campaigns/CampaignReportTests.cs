using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Tests.Campaigns;

/// <summary>What staff read in a campaign's report, from delivery callbacks, replies and opt-outs; retries and test sends.</summary>
public sealed class CampaignReportTests
{
    private static readonly DateTimeOffset Noon = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero); // 12:00 in Nairobi

    [Fact]
    public async Task The_report_counts_delivery_callbacks_replies_and_opt_outs_after_the_message()
    {
        await using var h = await CampaignHarness.StartAsync(Noon);
        for (var i = 1; i <= 4; i++)
        {
            await h.ContactAsync($"+25470000070{i}", "en", "Africa/Nairobi", group: "alerts");
        }

        var id = await h.CreateAsync(CampaignJson.Once("report", new DateTime(2027, 1, 11, 11, 0, 0), "Africa/Nairobi", group: "alerts"));
        await h.StepAsync();
        var sids = h.Deliveries.ToDictionary(d => d.Message.To, d => d.Message.Sid);
        var messages = h.Get<IMessageStore>();
        await messages.UpdateStatusByProviderIdAsync(sids["+254700000701"], "delivered", null);
        await messages.UpdateStatusByProviderIdAsync(sids["+254700000702"], "delivered", null);
        await messages.UpdateStatusByProviderIdAsync(sids["+254700000703"], "undelivered", "30003");
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await messages.RecordInboundAsync(new InboundMessage("sms", "+254700000701", "thank you, when is the clinic open", "SMr1", h.Time.GetUtcNow()));
        var leaving = await h.Get<IContactStore>().FindAsync("sms", "+254700000702");
        await h.Get<IContactStore>().SetConsentAsync(leaving!.Id, Consent.OptedOut, "sms", "keyword");

        var report = h.Get<CampaignService>().Report(id)!;

        Assert.Equal((4, 4, 2, 1, 1, 1), (report.Targeted, report.Sent, report.Delivered, report.Failed, report.Replies, report.OptedOutAfter));
        Assert.Equal("campaign 1 report (active): targeted=4 queued=0 sent=4 delivered=2 failed=1 skipped=0 opted_out_after=1 replies=1", CampaignService.Describe(report));
    }

    [Fact]
    public async Task A_transient_provider_error_is_retried_and_the_contact_still_gets_one_message()
    {
        await using var h = await CampaignHarness.StartAsync(Noon, new Dictionary<string, string?> { ["Outbox:InitialBackoff"] = "00:00:10" });
        await h.ContactAsync("+254700000711", "en", "Africa/Nairobi", group: "alerts");
        await h.CreateAsync(CampaignJson.Once("retry", new DateTime(2027, 1, 11, 11, 0, 0), "Africa/Nairobi", group: "alerts"));
        h.Peer.Script(503);

        await h.StepAsync();
        Assert.Empty(h.Deliveries);
        await h.RunUntilAsync(Noon.AddMinutes(2), TimeSpan.FromSeconds(15));

        Assert.Single(h.Deliveries);
        Assert.Equal(2, h.Peer.Attempts); // 503, then (after looking up that the first did not arrive) 201
    }

    [Fact]
    public async Task A_test_send_reaches_one_number_in_the_chosen_language_but_never_an_opted_out_one()
    {
        await using var h = await CampaignHarness.StartAsync(Noon);
        var id = await h.CreateAsync(CampaignJson.Pregnancy());
        var service = h.Get<CampaignService>();
        var definition = CampaignDefinition.Parse(service.Find("pregnancy-weekly")!.Definition);

        var sent = await service.TestSendAsync(definition, id, "sms", "+254700000721", "sw", 20);
        await h.StepAsync();
        Assert.NotNull(sent.MessageId);
        Assert.Equal("Wiki 20: kula maharagwe na mboga za majani, na uende kliniki ya wajawazito.", Assert.Single(h.Deliveries).Message.Body);

        var stopped = await h.Get<IContactStore>().GetOrCreateAsync("sms", "+254700000722");
        await h.Get<IContactStore>().SetConsentAsync(stopped.Id, Consent.OptedOut, "sms", "keyword");
        Assert.Equal("that number has opted out", (await service.TestSendAsync(definition, id, "sms", "+254700000722", "en", 20)).Problem);
        Assert.Equal(0, service.Report(id)!.Targeted);
    }
}
