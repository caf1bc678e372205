using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Outbox;

/// <summary>The outbox survives restarts: a reply written before a crash is sent once after, and never again.</summary>
public sealed class OutboxRestartTests
{
    // The seed is written straight into a SQLite file, so these hosts stay on SQLite whatever HEALTHBOT_TEST_PROVIDER says.
    private static readonly Dictionary<string, string?> SeededSqlite = new() { ["Storage:Provider"] = "sqlite" };

    [Theory]
    [InlineData("pending")]
    [InlineData("sending")]
    public async Task Outbox_entry_left_by_a_stopped_service_is_sent_once_after_restart(string leftInState)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        var outboxId = await SeedPendingReplyAsync(dataDirectory, leftInState);
        await using var peer = await LocalTwilioPeer.StartAsync();

        await using (var first = new HealthBotFactory(peer.BaseUrl, dataDirectory, SeededSqlite))
        {
            _ = first.Server; // start the host: the dispatcher recovers and drains the outbox
            await Eventually.WaitForAsync(() => peer.Received.Count, c => c == 1, "the pending reply to be sent");
            await Eventually.WaitAsync(() => first.CountAsync($"SELECT COUNT(*) FROM outbox WHERE id = {outboxId} AND state = 'done'"), c => c == 1, "the row to be done");
        }

        await using (var second = new HealthBotFactory(peer.BaseUrl, dataDirectory, SeededSqlite))
        {
            _ = second.Server;
            await Task.Delay(700); // several dispatcher polls
        }

        Assert.Single(peer.Received);
        Assert.Equal("+254700000301", peer.Received.Single().To);
    }

    private static async Task<long> SeedPendingReplyAsync(string dataDirectory, string state)
    {
        var database = TestDatabase.Create(dataDirectory);
        await using var writer = new SqliteWriter(database);
        var store = new SqlMessageStore(database, writer, TimeProvider.System);
        var inbound = await store.RecordInboundAsync(new InboundMessage(ChannelNames.Sms, "+254700000301", "hello", "SMseed1", DateTimeOffset.UtcNow));
        await store.CompleteInboundAsync(inbound.MessageId, "en", [new OutboundDraft("Hello from before the restart", ReplyKind.Greeting, "en", null, null)]);
        using var connection = database.Open();
        connection.Command("UPDATE outbox SET state = $s").With("$s", state).ExecuteNonQuery();
        return connection.Command("SELECT id FROM outbox").ScalarLong();
    }
}
