using System.Net;
using System.Text.Json;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Operability;

/// <summary>
/// /readyz through ASP.NET Core's health checks: the same JSON as before, plus the outbox. A reply that nobody sends
/// (here: on a channel with no sender, as when the sender is stuck) makes the service unready once it waited longer
/// than Outbox:ReadyMaxAge; /healthz still answers.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_reply_left_unsent_past_the_limit_makes_readyz_fail_while_healthz_still_answers()
    {
        await using var factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Outbox:ReadyMaxAge"] = "00:00:01",
        });
        using var client = factory.CreateClient();

        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("database").GetProperty("ok").GetBoolean());
        Assert.True(body.GetProperty("database").GetProperty("schema").GetInt64() > 0);
        Assert.True(body.GetProperty("content").GetProperty("items").GetInt32() > 0);
        Assert.Equal("off", body.GetProperty("model").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("providers").ValueKind);
        Assert.True(body.GetProperty("outbox").GetProperty("ok").GetBoolean());

        var messages = factory.Service<IMessageStore>();
        var inbound = await messages.RecordInboundAsync(
            new InboundMessage("fax", "+254700000123", "hello", "fax-1", DateTimeOffset.UtcNow));
        await messages.EnqueueAsync(inbound.ContactId, "fax",
            new OutboundDraft("Hello", ReplyKind.Greeting, "en", null, null, Priority: 10), "readiness-test");

        var stuck = await Eventually.WaitAsync(() => client.GetAsync("/readyz"),
            r => r.StatusCode == HttpStatusCode.ServiceUnavailable, "/readyz failing on the unsent reply");
        var stuckBody = JsonDocument.Parse(await stuck.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("not-ready", stuckBody.GetProperty("status").GetString());
        Assert.False(stuckBody.GetProperty("outbox").GetProperty("ok").GetBoolean());
        Assert.True(stuckBody.GetProperty("outbox").GetProperty("oldest_due_seconds").GetDouble() >= 1);
        Assert.True(stuckBody.GetProperty("database").GetProperty("ok").GetBoolean());
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
    }
}
