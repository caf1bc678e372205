using HealthBot.Tests.Infrastructure;
using HealthBot.Content;
using HealthBot.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthBot.Tests.Content;

/// <summary>Importing content versions is idempotent, and a published version's text is never overwritten.</summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class SqliteContentStoreTests : IAsyncDisposable
{
    private readonly ContentFixture content = new();
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteDatabase database;
    private readonly SqliteWriter writer;
    private readonly ContentImporter importer;

    public SqliteContentStoreTests()
    {
        database = TestDatabase.Create(dataDirectory);
        writer = new SqliteWriter(database);
        Store = new SqlContentStore(database, writer);
        importer = new ContentImporter(Store, time);
    }

    private SqlContentStore Store { get; }

    [Fact]
    public async Task Second_import_of_the_same_content_adds_nothing()
    {
        var first = await ImportAsync();
        var second = await ImportAsync();

        Assert.Equal("imported 10 new versions, 0 unchanged, 0 errors", first.Summary);
        Assert.Equal("imported 0 new versions, 10 unchanged, 0 errors", second.Summary);
    }

    [Fact]
    public async Task Changed_text_without_a_new_version_is_an_error_and_the_published_text_stays()
    {
        await ImportAsync();
        var published = (await Store.FindAsync("handwashing", "fr", 1))!;
        content.Replace("fr", "handwashing.md", "20 secondes", "10 secondes");

        var result = await ImportAsync();

        var error = Assert.Single(result.Errors);
        Assert.Equal(content.Path("fr", "handwashing.md"), error.File);
        Assert.Equal(content.LineStartingWith("fr", "handwashing.md", "version:"), error.Line);
        Assert.StartsWith("changed without a new version", error.Message);
        Assert.Equal(published.Sms, (await Store.FindAsync("handwashing", "fr", 1))!.Sms);
        Assert.Contains("20 secondes", published.Sms);
    }

    [Fact]
    public async Task New_version_is_added_next_to_the_old_one()
    {
        await ImportAsync();
        content.Replace("en", "handwashing.md", "version: 1", "version: 2");
        content.Replace("en", "handwashing.md", "at least 20 seconds. Rinse", "at least 20 seconds, then rinse");
        time.Advance(TimeSpan.FromDays(1));

        var result = await ImportAsync();

        Assert.Equal("imported 1 new version, 9 unchanged, 0 errors", result.Summary);
        Assert.Contains("Rinse", (await Store.FindAsync("handwashing", "en", 1))!.Sms);
        var second = (await Store.FindAsync("handwashing", "en", 2))!;
        Assert.Contains("then rinse", second.Sms);
        Assert.Equal(time.GetUtcNow(), second.ImportedAt);
    }

    [Fact]
    public async Task Only_published_items_are_imported()
    {
        content.Replace("sw", "handwashing.md", "status: published", "status: draft");

        var result = await ImportAsync();

        Assert.Equal(9, result.Imported);
        Assert.Null(await Store.FindAsync("handwashing", "sw", 1));
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        content.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private Task<ContentImportResult> ImportAsync() => importer.ImportAsync(ContentLoader.Load(content.Directory, time.GetUtcNow()));
}
