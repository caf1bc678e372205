using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Dialog.Memory;
using HealthBot.Grounding;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthBot.Tests.Dialog;

/// <summary>
/// Issue #12: a conversation remembers its last topic for a while, in the database, so a short follow-up is answered
/// within it, also by another process (a restart, another node); after the memory window it starts fresh.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class ConversationMemoryTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_follow_up_sent_to_a_restarted_service_is_answered_within_the_remembered_topic()
    {
        var first = await ChatAsync("how do I protect my family from malaria");
        var followUp = await ChatAsync("and for pregnant women?");

        Assert.Equal(0, first.ExitCode);
        Assert.DoesNotContain("context:", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("context: follow-up of malaria-prevention (section)", followUp.Stdout, StringComparison.Ordinal);
        // The part of the malaria item about pregnant women, not the whole item and not pregnancy danger signs.
        Assert.Contains("pregnant women", followUp.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Remove standing water", followUp.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clearly_new_question_starts_fresh()
    {
        await ChatAsync("how do i make ORS at home");
        var next = await ChatAsync("what are the signs of tuberculosis");

        Assert.DoesNotContain("context:", next.Stdout, StringComparison.Ordinal);
        Assert.Contains("TB", next.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_memory_is_forgotten_after_the_configured_window()
    {
        var database = TestDatabase.Create(data);
        await using var writer = new SqliteWriter(database);
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var catalog = RepositoryContent.Catalog;
        var retriever = new LexicalRetriever(catalog);
        var store = new SqlConversationStore(database, writer);
        var context = new ConversationContext(catalog, retriever, store, time, Options.Create(new DialogOptions()));
        var contact = await new SqlContactStore(database, writer, time).GetOrCreateAsync(ChannelNames.Sms, "+15550100200");
        await store.RememberAsync(contact.Id, context.Remember("en", "malaria-prevention", null, null));
        var followUp = TextNormalizer.Normalize("what about at night");

        time.Advance(TimeSpan.FromMinutes(29));
        var soon = context.Resolve(followUp, "en", await context.RecallAsync(contact.Id, default), retriever.Retrieve(followUp, "en"));
        time.Advance(TimeSpan.FromMinutes(2));
        var late = await context.RecallAsync(contact.Id, default);

        Assert.Equal("malaria-prevention", soon?.Item?.Id);
        Assert.Contains("night", soon?.Section, StringComparison.Ordinal);
        Assert.Null(late);
    }

    private Task<CliRun.Result> ChatAsync(string line) => CliRun.RunWithInputAsync(line + "\n\n",
        "chat", "--explain", "--as", "+15550100100", $"--Storage:DataDirectory={data}",
        $"--Content:Directory={HealthBotFactory.ContentDirectory}", "--Content:WatchForChanges=false");
}
