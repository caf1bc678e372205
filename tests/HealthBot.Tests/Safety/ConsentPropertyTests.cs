using HealthBot.Cli;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealthBot.Tests.Safety;

/// <summary>
/// Property: for any interleaving of opt-out, opt-in, questions, queued bulk messages and sending, nothing but the
/// opt-out confirmation itself ever reaches a contact who is opted out at the moment of sending. (Campaign messages
/// pass the campaign gate, which checks the same at send time: see CampaignDeliveryTests.)
/// </summary>
public sealed class ConsentPropertyTests
{
    private static readonly string[] Questions = ["how do i prevent malaria", "what is cholera", "my baby 3 days old not feeding", "hello", "help"];

    [Fact]
    public async Task No_message_reaches_an_opted_out_contact_in_any_interleaving()
    {
        var sender = new RecordingSender();
        var data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        using var host = CommandHost.Build([$"--Storage:DataDirectory={data}", $"--Content:Directory={HealthBotFactory.ContentDirectory}", "--Safety:MaxRepliesPerHour=1000"],
            s => s.AddSingleton<IChannelSender>(sender))!;
        host.Services.LoadContent(watch: false);
        sender.Services = host.Services;
        var random = new Random(1128);
        for (var run = 0; run < 40; run++)
        {
            await RunSequenceAsync(host.Services, random, $"+25471{run:D7}");
        }

        Assert.True(sender.Sent.Count > 100, $"the property needs traffic; only {sender.Sent.Count} messages were sent");
        Assert.Contains(sender.Sent, s => s.Consent == Consent.OptedOut && s.Kind == ReplyKind.OptOut);
        var violations = sender.Sent.Where(s => s.Consent == Consent.OptedOut && s.Kind != ReplyKind.OptOut).ToList();
        Assert.True(violations.Count == 0, $"{violations.Count} messages reached opted-out contacts, e.g. a '{violations.FirstOrDefault().Kind}' message");
    }

    private static async Task RunSequenceAsync(IServiceProvider services, Random random, string address)
    {
        var messages = services.GetRequiredService<IMessageStore>();
        var contacts = services.GetRequiredService<IContactStore>();
        var processor = services.GetRequiredService<DialogProcessor>();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var contact = await contacts.GetOrCreateAsync(ChannelNames.Sms, address);
        for (var step = 0; step < 30; step++)
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                    var text = random.Next(4) switch { 0 => "STOP", 1 => "START", _ => Questions[random.Next(Questions.Length)] };
                    var record = await messages.RecordInboundAsync(new InboundMessage(ChannelNames.Sms, address, text, null, DateTimeOffset.UtcNow));
                    var current = (await contacts.FindAsync(ChannelNames.Sms, address))!;
                    await processor.ProcessAsync(new PendingInbound(record.MessageId, current, text, DateTimeOffset.UtcNow), CancellationToken.None);
                    break;
                case 2:
                    await messages.EnqueueAsync(contact.Id, ChannelNames.Sms, new OutboundDraft("Weekly tip: sleep under a net.", "notice", "en", null, null, Priority: 0), $"prop:{address}:{step}");
                    break;
                default:
                    await dispatcher.DispatchDueAsync(CancellationToken.None);
                    break;
            }
        }

        await dispatcher.DispatchDueAsync(CancellationToken.None);
    }

    private sealed class RecordingSender : IChannelSender
    {
        public IServiceProvider Services { get; set; } = null!;

        public List<(string Kind, string Consent)> Sent { get; } = [];

        public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.Sms];

        public async Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct)
        {
            var consent = (await Services.GetRequiredService<IContactStore>().FindAsync(ChannelNames.Sms, item.To, ct))!.Consent;
            var kind = (await Services.GetRequiredService<IMessageStore>().GetAsync(item.MessageId, ct))!.Kind ?? string.Empty;
            lock (Sent)
            {
                Sent.Add((kind, consent));
            }

            return new SendResult.Sent($"SM{item.MessageId}", "sent");
        }
    }
}
