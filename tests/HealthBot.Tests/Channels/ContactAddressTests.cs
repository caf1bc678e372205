using HealthBot.Channels;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels;

/// <summary>
/// A WhatsApp person is one contact whatever the provider wrote: Twilio's whatsapp: scheme (in any case) is not
/// part of the stored address, replies still reach Twilio with it, and rows stored the old way are rewritten (0019).
/// </summary>
public sealed class ContactAddressTests : TwilioPeerTests
{
    [Fact]
    public async Task Capital_WhatsApp_and_whatsapp_are_the_same_contact_stored_without_the_scheme()
    {
        await SendAsync("WhatsApp:+254700000401", "hello");
        await SendAsync("whatsapp:+254700000401", "malaria");
        await Eventually.WaitForAsync(() => Peer.Received.Count, c => c >= 2, "both replies");
        await Factory.WaitIdleAsync();

        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM contacts WHERE channel = 'whatsapp'"));
        var contact = await Factory.Service<IContactStore>().FindAsync("whatsapp", "+254700000401");
        Assert.Equal("+254700000401", contact!.Address);
        Assert.Equal(2, await Factory.CountAsync(
            $"SELECT COUNT(*) FROM messages WHERE contact_id = {contact.Id} AND direction = 'in'"));
        Assert.All(Peer.Received, r => Assert.Equal("whatsapp:+254700000401", r.To));
    }

    [Fact]
    public async Task A_contact_stored_with_the_scheme_before_0019_keeps_its_id_and_history()
    {
        var database = Factory.Service<Database>();
        var protector = database.Protector;
        long id;
        using (var connection = database.Open())
        {
            // As a HealthBot before this change stored it: the scheme in the encrypted address and in the hash.
            connection.Command(
                    "INSERT INTO contacts (channel, address, address_hash, language, created_at, updated_at) " +
                    "VALUES ('whatsapp', @a, @h, 'sw', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')")
                .With("@a", protector.Encrypt("whatsapp:+254700000402"))
                .With("@h", protector.Hash("whatsapp", "whatsapp:+254700000402")).ExecuteNonQuery();
            id = connection.Command("SELECT MAX(id) FROM contacts").ScalarLong();
            connection.Command($"INSERT INTO pending_upgrades (name) VALUES ('{ContactAddressUpgrade.Name}')")
                .ExecuteNonQuery();
        }

        Factory.Service<IEnumerable<IDataUpgrade>>().Single(u => u is ContactAddressUpgrade).RunIfPending();
        await SendAsync("whatsapp:+254700000402", "malaria");
        await Factory.WaitIdleAsync();

        var contact = await Factory.Service<IContactStore>().FindAsync("whatsapp", "+254700000402");
        Assert.Equal(id, contact!.Id);
        Assert.Equal("+254700000402", contact.Address);
        Assert.Equal("sw", contact.Language);
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM contacts WHERE channel = 'whatsapp'"));
        Assert.Equal(0, await Factory.CountAsync("SELECT COUNT(*) FROM pending_upgrades"));
    }

    private Task<HttpResponseMessage> SendAsync(string from, string text) =>
        Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, text));

    [Theory]
    [InlineData("whatsapp", "whatsapp:+254700000403", "+254700000403")]
    [InlineData("whatsapp", " WHATSAPP:+254700000403 ", "+254700000403")]
    [InlineData("whatsapp", "+254700000403", "+254700000403")]
    [InlineData("sms", "+254700000403", "+254700000403")]
    [InlineData("webchat", "whatsapp:abc", "whatsapp:abc")]
    public void Only_a_scheme_naming_the_channel_is_dropped(string channel, string given, string stored) =>
        Assert.Equal(stored, ContactAddress.Canonical(channel, given));
}
