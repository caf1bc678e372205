using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Content;

/// <summary>The running service records every content version it loads, so any reply's content version can be looked up.</summary>
public sealed class ContentVersionRecorderTests : IDisposable
{
    private readonly ContentFixture content = new();

    public void Dispose() => content.Dispose();

    [Fact]
    public async Task Content_loaded_at_start_is_recorded()
    {
        await using var factory = new HealthBotFactory(settings: new Dictionary<string, string?> { ["Content:Directory"] = content.Directory });
        _ = factory.Server;

        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM content_versions"), n => n == 10, "10 published versions to be recorded");
        Assert.Contains("20 secondes", (await factory.Service<IContentVersionStore>().FindAsync("handwashing", "fr", 1))!.Sms);
    }

    [Fact]
    public async Task New_version_published_while_running_is_recorded()
    {
        await using var factory = new HealthBotFactory(settings: new Dictionary<string, string?> { ["Content:Directory"] = content.Directory });
        _ = factory.Server;
        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM content_versions"), n => n == 10, "the first import");
        content.Replace("en", "handwashing.md", "version: 1", "version: 2");
        content.Replace("en", "handwashing.md", "at least 20 seconds. Rinse", "at least 20 seconds, then rinse");

        factory.Service<ContentCatalog>().Reload();

        var stored = await Eventually.WaitAsync(() => factory.Service<IContentVersionStore>().FindAsync("handwashing", "en", 2), v => v is not null, "version 2 to be recorded");
        Assert.Contains("then rinse", stored!.Sms);
        Assert.Equal(11, await factory.CountAsync("SELECT COUNT(*) FROM content_versions"));
    }
}
