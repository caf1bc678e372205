using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Terminal;

/// <summary><c>healthbot chat</c> answers as the service does: with the versions staff published in the workspace.</summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class ChatCommandTests
{
    [Fact]
    public async Task Chat_answers_with_the_version_a_reviewer_published_in_the_workspace_not_the_file()
    {
        var data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        var item = RepositoryContent.Catalog.Current.Items.First(i => i.Language == "en" && !i.Urgent && i.Examples.Count > 0);
        var database = TestDatabase.Create(data);
        await using (var writer = new SqliteWriter(database))
        {
            var edits = new SqlContentEditStore(database, writer, TimeProvider.System);
            var id = await edits.SaveDraftAsync(item.Id, "en", item.Version + 1, item.Title, "Published in the workspace: " + item.Sms[..40], item.Web, "editor@ngo.org");
            Assert.True(await edits.TransitionAsync(id, "draft", "review"));
            Assert.True(await edits.TransitionAsync(id, "review", "published", "reviewer@ngo.org"));
        }

        var run = await CliRun.RunWithInputAsync(item.Examples[0] + "\n\n",
            "chat", $"--Storage:DataDirectory={data}", $"--Content:Directory={HealthBotFactory.ContentDirectory}", "--Content:WatchForChanges=false");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Published in the workspace: ", run.Stdout, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }
}
