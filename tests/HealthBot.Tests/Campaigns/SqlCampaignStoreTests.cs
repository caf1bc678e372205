using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace HealthBot.Tests.Campaigns;

// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class SqlCampaignStoreTests
{
    [Fact]
    public async Task Records_of_relative_runs_older_than_the_cutoff_are_pruned_and_others_kept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var database = TestDatabase.Create(Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N")));
        await using var writer = new SqliteWriter(database);
        var store = new SqlCampaignStore(database, writer, time);
        var relative = (await store.CreateAsync("weekly", CampaignJson.Once("weekly", time.GetUtcNow().UtcDateTime, "UTC")))!.Value;
        foreach (var key in new[] { "rel:old", "at:old", "once" })
        {
            await store.BeginRunAsync(relative, key, TimeSpan.FromMinutes(5));
            await store.FinishRunAsync(relative, key, 1);
        }

        await store.BeginRunAsync(relative, "rel:unfinished", TimeSpan.FromMinutes(5));
        time.Advance(TimeSpan.FromDays(8));
        await store.BeginRunAsync(relative, "rel:recent", TimeSpan.FromMinutes(5));
        await store.FinishRunAsync(relative, "rel:recent", 1);

        Assert.Equal(1, await store.PruneRelativeRunsAsync(time.GetUtcNow() - TimeSpan.FromDays(7)));
        Assert.False(store.RunTaken(relative, "rel:old", TimeSpan.FromMinutes(5)));
        Assert.True(store.RunTaken(relative, "rel:recent", TimeSpan.FromMinutes(5)));
        Assert.True(store.RunTaken(relative, "at:old", TimeSpan.FromMinutes(5)));
        Assert.True(store.RunTaken(relative, "once", TimeSpan.FromMinutes(5)));
    }
}
