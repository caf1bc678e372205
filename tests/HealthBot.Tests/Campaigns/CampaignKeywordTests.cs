using HealthBot.Data;
using System.Globalization;
using HealthBot.Channels.Twilio;
using HealthBot.Tests.Infrastructure;
using HealthBot.Dialog;

namespace HealthBot.Tests.Campaigns;

/// <summary>People join a campaign topic by SMS in their language, with the date it counts from.</summary>
public sealed class CampaignKeywordTests : TwilioPeerTests
{
    [Theory]
    [InlineData("+254700100001", "JOIN PREGNANCY {0:yyyy-MM-dd}", "You joined pregnancy messages")]
    [InlineData("+254700100002", "inscrire grossesse {0:dd/MM/yyyy}", "Vous etes inscrit(e) aux messages grossesse")]
    [InlineData("+254700100003", "Jiunge mimba {0:%d} {1} {0:yyyy}", "Umejiunga na ujumbe wa mimba")]
    [InlineData("+254700100004", "ENTRAR GRAVIDEZ {0:dd.MM.yy}", "Voce se inscreveu nas mensagens de gravidez")]
    [InlineData("+254700100005", "judo garbh {0:dd-MM-yyyy}", "आप garbh संदेशों से जुड़ गए हैं")]
    public async Task Joining_pregnancy_messages_by_sms_is_confirmed_in_the_senders_language(string from, string pattern, string confirmation)
    {
        var due = DateTime.UtcNow.Date.AddDays(100);
        var swahiliMonth = new[] { "januari", "februari", "machi", "aprili", "mei", "juni", "julai", "agosti", "septemba", "oktoba", "novemba", "desemba" }[due.Month - 1];
        var text = string.Format(CultureInfo.InvariantCulture, pattern, due, swahiliMonth);

        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, text));

        var reply = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count >= 1, "the confirmation");
        Assert.Contains(confirmation, reply[0].Body, StringComparison.Ordinal);
        Assert.Contains(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reply[0].Body, StringComparison.Ordinal);
        // Addresses are encrypted at rest: find the contact through the store.
        var contact = await Factory.Service<IContactStore>().FindAsync("sms", from);
        Assert.Equal(1, await Factory.CountAsync(
            $"SELECT COUNT(*) FROM contacts c JOIN contact_groups g ON g.contact_id = c.id AND g.group_name = 'pregnancy' " +
            $"JOIN contact_fields f ON f.contact_id = c.id AND f.name = 'due_date' AND f.value = '{due:yyyy-MM-dd}' WHERE c.id = {contact!.Id} AND c.consent = 'opted_in'"));
    }

    [Fact]
    public async Task Joining_without_a_date_asks_for_it_and_joins_nothing()
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700100006", "JOIN PREGNANCY soon"));

        var reply = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count >= 1, "the question");
        Assert.StartsWith("To join, send the date too, for example: JOIN PREGNANCY 20", reply[0].Body, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM contact_groups"));
    }

    [Fact]
    public async Task Leave_takes_the_contact_out_of_the_topic()
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700100007", "join alerts"));
        await Eventually.WaitForAsync(() => Peer.Received.Count, c => c >= 1, "the confirmation");
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM contact_groups WHERE group_name = 'alerts'"));

        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700100007", "leave alerts"));
        var replies = await Eventually.WaitForAsync(() => Peer.Received.ToList(), r => r.Count >= 2, "the goodbye");
        Assert.Equal("You will not get alerts messages any more.", replies[1].Body);
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM contact_groups WHERE group_name = 'alerts'"));
    }
}
