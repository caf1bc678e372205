using HealthBot.Content;
using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Safety;

/// <summary>
/// Issue #12: the second opinion learns from content/triage-examples, which staff edit like the rest of the content:
/// a reload retrains it (as the rules are re-read), without a restart.
/// </summary>
public sealed class SecondOpinionReloadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("healthbot-examples-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Examples_added_to_the_content_retrain_the_second_opinion_when_the_content_reloads()
    {
        foreach (var file in Directory.GetFiles(HealthBotFactory.ContentDirectory, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(HealthBotFactory.ContentDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var examples = Path.Combine(folder, TriageExamples.Folder);
        Directory.CreateDirectory(examples);
        var rows = new List<string> { "lang\ttopic\turgent\ttext" };
        rows.AddRange(Enumerable.Range(1, 20).Select(i => $"en\tnone\tno\thow do I keep my family healthy number {i}"));
        rows.AddRange(Enumerable.Range(1, 20).Select(i => $"en\tnone\tyes\the collapsed and is not breathing help {i}"));
        File.WriteAllLines(Path.Combine(examples, "a.tsv"), rows);
        var catalog = new ContentCatalog(Options.Create(new ContentOptions { Directory = folder, WatchForChanges = false }),
            TimeProvider.System, NullLogger<ContentCatalog>.Instance);
        catalog.Reload();
        var opinion = new SecondOpinion(catalog, Options.Create(new SafetyOptions()), NullLogger<SecondOpinion>.Instance);
        Assert.Equal(40, opinion.Examples);

        File.AppendAllLines(Path.Combine(examples, "b.tsv"),
            ["lang\ttopic\turgent\ttext", "en\tnone\tyes\tmy grandmother fell and her lips are turning blue"]);
        catalog.Reload();

        Assert.Equal(41, opinion.Examples);
        Assert.NotNull(opinion.Check(TextNormalizer.Normalize("she fell"), "en"));
    }
}
