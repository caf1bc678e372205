using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthBot.Tests.Data;

/// <summary>
/// What several nodes sharing one PostgreSQL database rely on, each seen from two stores with their own connections
/// (two "nodes") in one process: claims never overlap, a node at start leaves another's fresh in-flight rows alone,
/// and a contact's daily cap holds when two nodes decide at once.
/// </summary>
public sealed class PostgresConcurrencyTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly List<PostgresDatabase> opened = [];
    private string connection = string.Empty;

    [PostgresFact]
    public async Task Two_nodes_claiming_at_once_never_get_the_same_outbox_row_and_together_get_all()
    {
        var (a, b) = Nodes();
        await QueueAsync(a.Messages, 300);
        // Both nodes connected before the race, and claiming 2 rows at a time: a claim takes three round trips now, so
        // with 7 a node still starting could find the other had claimed everything (then nothing raced).
        Assert.Equal(300, await b.Outbox.CountAsync("pending"));
        var claimedA = new List<long>();
        var claimedB = new List<long>();
        await Task.WhenAll(ClaimAllAsync(a.Outbox, claimedA), ClaimAllAsync(b.Outbox, claimedB));

        Assert.Empty(claimedA.Intersect(claimedB));
        Assert.Equal(300, claimedA.Count + claimedB.Count);
        Assert.NotEmpty(claimedA);
        Assert.NotEmpty(claimedB);
    }

    [PostgresFact]
    public async Task A_node_starting_leaves_another_nodes_fresh_in_flight_rows_and_takes_them_once_their_lease_runs_out()
    {
        var (a, b) = Nodes();
        await QueueAsync(a.Messages, 5);
        var claimed = await a.Outbox.ClaimDueAsync(["sms"], 10);
        Assert.Equal(5, claimed.Count);

        Assert.Equal(0, await b.Outbox.RecoverInFlightAsync());
        Assert.Empty(await b.Outbox.ClaimDueAsync(["sms"], 10));

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(5, await b.Outbox.RecoverExpiredAsync());
        Assert.Equal(5, (await b.Outbox.ClaimDueAsync(["sms"], 10)).Count);
    }

    [PostgresFact]
    public async Task Two_nodes_deciding_sends_to_one_contact_at_once_let_only_one_under_a_cap_of_one()
    {
        var (a, b) = Nodes();
        var contact = await a.Contacts.GetOrCreateAsync("sms", "+254733000001");
        var campaigns = new SqlCampaignStore(a.Database, a.Writer, time);
        var campaignId = (await campaigns.CreateAsync("cap", CampaignJson.Once("cap", time.GetUtcNow().UtcDateTime, "UTC")))!.Value;
        var plan = new SqlCampaignPlanStore(a.Database, a.Writer, time);
        await campaigns.BeginRunAsync(campaignId, "run", TimeSpan.FromMinutes(5));
        await plan.WriteAsync(campaignId, "run", 0, new[] { "m1", "m2" }.Select(k => new PlannedSend(contact.Id, "sms", k, "tip " + k, "en", time.GetUtcNow(), null)).ToList());
        var rows = await a.Outbox.ClaimDueAsync(["sms"], 10);
        Assert.Equal(2, rows.Count);

        // The decision looks at the contact's other started sends; it waits a little so that without a lock both would read none.
        SendDecision UnderCapOfOne(SendSnapshot snapshot, IReadOnlyList<DateTimeOffset> recent)
        {
            Thread.Sleep(300);
            return recent.Count == 0 ? new SendDecision.Send(null) : new SendDecision.Defer(time.GetUtcNow().AddDays(1), "cap");
        }

        var gateA = new SqlCampaignGateStore(a.Database, a.Writer, time);
        var gateB = new SqlCampaignGateStore(b.Database, b.Writer, time);
        var decisions = await Task.WhenAll(
            gateA.DecideAsync(rows[0].OutboxId, rows[0].MessageId, contact.Id, _ => [], UnderCapOfOne),
            gateB.DecideAsync(rows[1].OutboxId, rows[1].MessageId, contact.Id, _ => [], UnderCapOfOne));

        Assert.Single(decisions, d => d is SendDecision.Send);
        Assert.Single(decisions, d => d is SendDecision.Defer);
    }

    [PostgresFact]
    public async Task Two_nodes_deciding_claimed_batches_for_one_contact_at_once_let_only_one_under_a_cap_of_one()
    {
        var (a, b) = Nodes();
        var rows = await PlanTwoAsync(a, "+254733000002");

        var decisions = await Task.WhenAll(
            new SqlCampaignGateStore(a.Database, a.Writer, time).DecideManyAsync([rows[0]], _ => [], UnderCapOfOne),
            new SqlCampaignGateStore(b.Database, b.Writer, time).DecideManyAsync([rows[1]], _ => [], UnderCapOfOne));

        var all = decisions.SelectMany(d => d.Values).Select(d => d.Decision).ToList();
        Assert.Single(all, d => d is SendDecision.Send);
        Assert.Single(all, d => d is SendDecision.Defer);
    }

    [PostgresFact]
    public async Task Two_messages_to_one_contact_in_one_claimed_batch_count_each_other_under_the_cap()
    {
        var (a, _) = Nodes();
        var rows = await PlanTwoAsync(a, "+254733000003");

        var decided = await new SqlCampaignGateStore(a.Database, a.Writer, time)
            .DecideManyAsync(rows, _ => [], UnderCapOfOne);

        Assert.IsType<SendDecision.Send>(decided[rows[0].OutboxId].Decision);
        Assert.IsType<SendDecision.Defer>(decided[rows[1].OutboxId].Decision);
        // The deferred one is back in the queue (for tomorrow), the other stays in flight.
        Assert.Equal(1, await a.Outbox.CountAsync("pending"));
        Assert.Equal(1, await a.Outbox.CountAsync("sending"));
    }

    /// <summary>Sends when the contact has no other started send, else waits a day; slow, so that without a lock two
    /// deciders would both read none.</summary>
    private SendDecision UnderCapOfOne(SendSnapshot snapshot, IReadOnlyList<DateTimeOffset> recent)
    {
        Thread.Sleep(300);
        return recent.Count == 0
            ? new SendDecision.Send(null)
            : new SendDecision.Defer(time.GetUtcNow().AddDays(1), "cap");
    }

    private async Task<List<GateRow>> PlanTwoAsync(NodeStores node, string address)
    {
        var contact = await node.Contacts.GetOrCreateAsync("sms", address);
        var campaigns = new SqlCampaignStore(node.Database, node.Writer, time);
        var campaignId =
            (await campaigns.CreateAsync("cap", CampaignJson.Once("cap", time.GetUtcNow().UtcDateTime, "UTC")))!.Value;
        await campaigns.BeginRunAsync(campaignId, "run", TimeSpan.FromMinutes(5));
        await new SqlCampaignPlanStore(node.Database, node.Writer, time).WriteAsync(campaignId, "run", 0,
            new[] { "m1", "m2" }
                .Select(k => new PlannedSend(contact.Id, "sms", k, "tip " + k, "en", time.GetUtcNow(), null)).ToList());
        var rows = await node.Outbox.ClaimDueAsync(["sms"], 10);
        Assert.Equal(2, rows.Count);
        return rows.Select(r => new GateRow(r.OutboxId, r.MessageId, contact.Id)).ToList();
    }

    [PostgresFact]
    public async Task Nodes_alive_share_a_channels_rate_limit_and_a_node_gone_silent_stops_counting()
    {
        var (a, b) = Nodes();
        var limiter = new ChannelRateLimiter(Options.Create(new OutboxOptions { RateLimits = { ["sms"] = 10 } }), time);
        Assert.Equal(1, await a.Outbox.HeartbeatAsync());
        Assert.Equal(2, await b.Outbox.HeartbeatAsync());

        limiter.SetNodes(await a.Outbox.HeartbeatAsync());
        Assert.Equal(5, limiter.ClaimAllowance("sms", 100));

        time.Advance(TimeSpan.FromSeconds(45));
        limiter.SetNodes(await a.Outbox.HeartbeatAsync());
        Assert.Equal(10, limiter.ClaimAllowance("sms", 100));
    }

    public void Dispose()
    {
        opened.ForEach(d => d.Dispose());
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private (NodeStores A, NodeStores B) Nodes()
    {
        connection = TestPostgres.CreateDatabase();
        return (Open("node-a"), Open("node-b"));
    }

    private NodeStores Open(string name)
    {
        var (database, writer) = TestDatabase.CreatePostgres(data, connection, name);
        opened.Add(database);
        var options = Options.Create(new StorageOptions { Provider = "postgres", PostgresConnection = connection, NodeId = name });
        return new NodeStores(database, writer, new SqlMessageStore(database, writer, time), new SqlOutboxStore(database, writer, time, options), new SqlContactStore(database, writer, time));
    }

    private static async Task QueueAsync(IMessageStore messages, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var inbound = await messages.RecordInboundAsync(new InboundMessage(ChannelNames.Sms, $"+2547320{i:D5}", "hello", $"SMpg{i}", DateTimeOffset.UtcNow));
            await messages.CompleteInboundAsync(inbound.MessageId, "en", [new OutboundDraft("Hello", ReplyKind.Greeting, "en", null, null)]);
        }
    }

    private static async Task ClaimAllAsync(IOutboxStore outbox, List<long> claimed)
    {
        while ((await outbox.ClaimDueAsync(["sms"], 2)) is { Count: > 0 } batch)
        {
            claimed.AddRange(batch.Select(i => i.OutboxId));
        }
    }

    private sealed record NodeStores(PostgresDatabase Database, PostgresWriter Writer, SqlMessageStore Messages, SqlOutboxStore Outbox, SqlContactStore Contacts);
}
