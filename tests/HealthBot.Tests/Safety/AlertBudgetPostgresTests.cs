using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthBot.Tests.Safety;

/// <summary>
/// The on-call SMS budget holds when many emergencies are recorded at once by PostgreSQL's parallel writers (the full
/// PostgreSQL test pass once let a sixth alert SMS through a budget of five).
/// </summary>
public sealed class AlertBudgetPostgresTests
{
    private const string OnCall = "+254799000021";

    [PostgresFact]
    public async Task Eighty_emergencies_recorded_at_once_send_exactly_the_budget_of_alert_sms()
    {
        await using var factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:PostgresConnection"] = TestPostgres.CreateDatabase(),
        },
        // Without the dialog worker: the test completes the messages itself, all at once.
        services: s => s.Remove(s.Single(d => d.ImplementationType == typeof(DialogWorker))));
        var messages = factory.Service<IMessageStore>();
        var now = DateTimeOffset.UtcNow;
        var inbound = new List<long>();
        for (var i = 0; i < 80; i++)
        {
            var record = await messages.RecordInboundAsync(new InboundMessage(ChannelNames.Sms, $"+2547002{i:D5}", "help", null, now));
            inbound.Add(record.MessageId);
        }

        var budget = new AlertSmsBudget(5, TimeSpan.FromMinutes(10));
        var alert = new AlertDraft("snake-bite", null, now.AddMinutes(-30), [OnCall], budget);
        await Task.WhenAll(inbound.Select(id => Task.Run(() => messages.CompleteInboundAsync(id, "en", [], alert: alert))));

        Assert.Equal(80, await factory.CountAsync("SELECT COUNT(*) FROM alerts"));
        Assert.Equal(5, await factory.CountAsync("SELECT COUNT(*) FROM alerts WHERE sms = 'sent'"));
        Assert.Equal(5, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE kind = 'staff_alert'"));
    }
}
