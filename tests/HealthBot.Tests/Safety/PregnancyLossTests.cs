using HealthBot.Campaigns;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Safety;

/// <summary>Three wishes, three paths: a pregnancy loss leaves the pregnancy messages only, gently.</summary>
public sealed class PregnancyLossTests : TwilioPeerTests
{
    [Theory]
    [InlineData("+254700200001", "i lost my baby last week")]
    [InlineData("+254700200002", "nimepoteza mimba jana")]
    [InlineData("+254700200003", "j'ai fait une fausse couche")]
    public async Task A_loss_leaves_the_pregnancy_messages_but_keeps_everything_else(string from, string text)
    {
        var audience = Factory.Service<SqlAudienceStore>();
        await audience.SubscribeAsync("sms", from, "pregnancy", new Dictionary<string, string> { ["due_date"] = "2027-05-01" }, Consent.OptedIn, "en");
        await audience.SubscribeAsync("sms", from, "outbreak-alerts", new Dictionary<string, string>(), Consent.OptedIn, "en");

        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, text));

        var reply = await Eventually.WaitForAsync(() => Peer.Received.Where(m => m.To == from).ToList(), r => r.Count >= 1, "the reply");
        var contact = (await Factory.Service<IContactStore>().FindAsync("sms", from))!;
        Assert.Equal(ReplyKind.Loss, (await Factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 10)).Last(m => m.Direction == "out").Kind);
        Assert.Equal(Consent.OptedIn, contact.Consent);
        Assert.Equal(0, await Factory.CountAsync($"SELECT COUNT(*) FROM contact_groups WHERE contact_id = {contact.Id} AND group_name = 'pregnancy'"));
        Assert.Equal(1, await Factory.CountAsync($"SELECT COUNT(*) FROM contact_groups WHERE contact_id = {contact.Id} AND group_name = 'outbreak-alerts'"));
        Assert.DoesNotContain("STOP", reply[0].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what are the signs of a miscarriage", false)]
    [InlineData("nimepoteza mimba jana", true)]
    [InlineData("i had a miscarriage last month", true)]
    [InlineData("how do i prevent malaria in pregnancy", false)]
    [InlineData("perdi o bebe ontem", true)]
    [InlineData("बच्चा गिर गया", true)]
    public void Recognises_a_loss_in_every_language(string text, bool loss)
    {
        Assert.Equal(loss, PregnancyLoss.Describes(TextNormalizer.Normalize(text)));
    }
}
