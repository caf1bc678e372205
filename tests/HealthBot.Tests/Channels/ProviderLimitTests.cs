using HealthBot.Channels;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Sms;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels;

/// <summary>
/// Each SMS provider's limit comes from its registration: replies are shaped to fit it, and a message that still
/// does not fit fails with the reason in the outbox instead of being cut short by the provider (Kannel's
/// max-messages truncates silently).
/// </summary>
public sealed class ProviderLimitTests
{
    private static readonly string Hindi =
        string.Concat(Enumerable.Repeat("मच्छरदानी के नीचे सोएं। ", 40));

    [Fact]
    public void Replies_are_split_to_the_sending_providers_sms_parts_in_ucs2_too_and_nothing_is_cut()
    {
        var profile = ChannelProfile.From(ChannelSpec.Sms, new MessageLimit(MaxSegments: 3), preferWeb: false);

        var parts = ReplyComposer.Compose(Hindi, profile, foldAccents: false, "hi");

        Assert.True(parts.Count > 2, $"{parts.Count} parts");
        Assert.All(parts, p => Assert.InRange(SmsSegments.Analyze(p).Segments, 1, 3));
        Assert.Equal(Hindi.Trim(), string.Join(" ", parts));
    }

    [Theory]
    [InlineData("kannel", "Kannel:MaxSegments", 2, "too long for kannel: encoding=GSM-7 segments=4")]
    [InlineData("android", "AndroidGateway:MaxSegments", 3, "too long for android: encoding=GSM-7 segments=4")]
    public async Task A_message_over_the_providers_parts_fails_with_the_reason_and_is_not_sent(
        string provider, string key, int parts, string reason)
    {
        await using var factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Channels:Sms:Provider"] = provider,
            [key] = parts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kannel:SendSmsUrl"] = "http://127.0.0.1:9/cgi-bin/sendsms", ["Kannel:Username"] = "hb",
            ["Kannel:Secret"] = "s", ["AndroidGateway:BaseUrl"] = "http://127.0.0.1:9",
            ["AndroidGateway:Username"] = "u", ["AndroidGateway:Password"] = "p",
        });

        var (messageId, error) = await SendAsync(factory, new string('a', 4 * 153));

        Assert.StartsWith(reason, error, StringComparison.Ordinal);
        Assert.EndsWith(
            $"it sends at most 1600 characters and {parts} SMS parts per message", error, StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync(
            $"SELECT COUNT(*) FROM messages WHERE id = {messageId} AND status = 'failed'"));
    }

    [Fact]
    public async Task Twilio_refuses_more_than_1600_characters_before_calling_the_api()
    {
        await using var factory = new HealthBotFactory();

        var (_, error) = await SendAsync(factory, new string('a', 1601));

        Assert.Equal("too long for twilio: encoding=GSM-7 segments=11 units=1601, 1601 characters; " +
                     "it sends at most 1600 characters per message", error);
    }

    private static async Task<(long MessageId, string Error)> SendAsync(HealthBotFactory factory, string body)
    {
        var contact = await factory.Service<IContactStore>().GetOrCreateAsync(ChannelNames.Sms, "+254700000501");
        var draft = new OutboundDraft(body, ReplyKind.Answer, "en", null, null);
        var id = await factory.Service<IMessageStore>().EnqueueAsync(
            contact.Id, ChannelNames.Sms, draft, $"limit-{Guid.NewGuid():N}");
        factory.Service<OutboxSignal>().Set();
        await Eventually.WaitAsync(
            () => factory.CountAsync($"SELECT COUNT(*) FROM outbox WHERE message_id = {id} AND state = 'failed'"),
            c => c == 1, "the send to fail");
        using var connection = factory.Service<Database>().Open();
        var error = (string)connection.Command($"SELECT last_error FROM outbox WHERE message_id = {id}")
            .ExecuteScalar()!;
        return (id!.Value, error);
    }
}
