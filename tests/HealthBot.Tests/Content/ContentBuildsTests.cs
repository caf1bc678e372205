using HealthBot.Content;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Content;

/// <summary>
/// Builds from content are shared between libraries with the same text (every service in a process, a reload of
/// unchanged files) and never between libraries whose text differs in anything a build reads.
/// </summary>
public sealed class ContentBuildsTests
{
    private static readonly ContentLibrary Loaded =
        ContentLoader.Load(HealthBotFactory.ContentDirectory, DateTimeOffset.UtcNow);

    [Fact]
    public void The_same_files_loaded_twice_are_built_once()
    {
        var what = Guid.NewGuid().ToString("N");
        var builds = 0;
        var first = ContentBuilds.Get(Loaded, what, _ => new object[] { ++builds });
        var again = ContentLoader.Load(HealthBotFactory.ContentDirectory, DateTimeOffset.UtcNow.AddMinutes(5));

        Assert.NotSame(Loaded, again);
        Assert.Same(first, ContentBuilds.Get(again, what, _ => new object[] { ++builds }));
        Assert.Equal(1, builds);
    }

    [Fact]
    public void A_change_to_any_text_a_build_reads_is_built_anew()
    {
        var item = Loaded.Items[0];
        var triage = Loaded.Triage.First();
        var section = triage.Value.Sections.First();
        var system = Loaded.System.First();
        ContentLibrary[] changed =
        [
            Loaded with { Items = [item with { Examples = [.. item.Examples, "more"] }, .. Loaded.Items.Skip(1)] },
            Loaded with { Items = [item with { Keywords = [.. item.Keywords, "extra"] }, .. Loaded.Items.Skip(1)] },
            Loaded with { Items = [item with { Status = "draft" }, .. Loaded.Items.Skip(1)] },
            Loaded with { Items = [.. Loaded.Items.Skip(1)] },
            Loaded with
            {
                Triage = new Dictionary<string, ContentDocument>(Loaded.Triage)
                {
                    [triage.Key] = triage.Value with
                    {
                        Sections = new Dictionary<string, Section>(triage.Value.Sections)
                        {
                            [section.Key] = section.Value with { Body = [.. section.Value.Body, "signs: one more"] },
                        },
                    },
                },
            },
            Loaded with
            {
                System = new Dictionary<string, SystemMessages>(Loaded.System)
                {
                    [system.Key] = system.Value with
                    {
                        Messages = new Dictionary<string, string>(system.Value.Messages) { ["greeting"] = "Hi" },
                    },
                },
            },
        ];

        var fingerprints = changed.Select(ContentBuilds.Fingerprint).Append(ContentBuilds.Fingerprint(Loaded)).ToList();
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }

    [Fact]
    public void Only_the_most_recent_libraries_are_kept_and_a_failed_build_is_tried_again()
    {
        var what = Guid.NewGuid().ToString("N");
        var libraries = Enumerable.Range(0, 5)
            .Select(n => Loaded with { Items = [Loaded.Items[0] with { Title = $"title {n}" }] }).ToList();
        var builds = 0;
        libraries.ForEach(l => ContentBuilds.Get(l, what, _ => new object[] { ++builds }));
        ContentBuilds.Get(libraries[^1], what, _ => new object[] { ++builds });
        Assert.Equal(5, builds);
        ContentBuilds.Get(libraries[0], what, _ => new object[] { ++builds });
        Assert.Equal(6, builds);

        Assert.Throws<InvalidOperationException>(() =>
            ContentBuilds.Get<object>(Loaded, what, _ => throw new InvalidOperationException("broken rules")));
        Assert.Equal(7, ContentBuilds.Get(Loaded, what, _ => new object[] { ++builds })[0]);
    }
}
