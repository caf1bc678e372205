using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Privacy;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthBot.Tests.Privacy;

// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class RetentionTests
{
    [Fact]
    public async Task Bodies_older_than_the_retention_period_are_erased_and_counts_kept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var database = TestDatabase.Create(Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N")));
        await using var writer = new SqliteWriter(database);
        var messages = new SqlMessageStore(database, writer, time);
        var privacy = new SqlPrivacyStore(database, writer, messages, time);
        var worker = new PrivacyWorker(privacy, database.Protector, new DataKeyCheck(database, writer, time), time, Options.Create(new PrivacyOptions { RetentionDays = 90 }), NullLogger<PrivacyWorker>.Instance);
        var old = await messages.RecordInboundAsync(new InboundMessage(ChannelNames.Sms, "+254700000501", "old question", "SMold", time.GetUtcNow()));
        await messages.CompleteInboundAsync(old.MessageId, "en", []);
        time.Advance(TimeSpan.FromDays(60));
        var recent = await messages.RecordInboundAsync(new InboundMessage(ChannelNames.Sms, "+254700000501", "recent question", "SMnew", time.GetUtcNow()));
        await messages.CompleteInboundAsync(recent.MessageId, "en", []);
        time.Advance(TimeSpan.FromDays(31));

        var (_, expired, _) = await worker.SweepAsync(CancellationToken.None);

        Assert.Equal(1, expired);
        Assert.Equal(string.Empty, (await messages.GetAsync(old.MessageId))!.Body);
        Assert.Equal("recent question", (await messages.GetAsync(recent.MessageId))!.Body);
    }
}
