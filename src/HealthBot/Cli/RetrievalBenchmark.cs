using System.Diagnostics;
using System.Globalization;
using HealthBot.Content;
using HealthBot.Dialog;
using HealthBot.Grounding;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot bench retrieval</c>: index build time, memory and per-query latency (normalize + retrieve) over
/// the real content and over the real content plus synthetic items made by recombining its words.
/// </summary>
public static class RetrievalBenchmark
{
    public static int Run(string contentDirectory, int queries, int synthetic)
    {
        var library = ContentLoader.Load(contentDirectory, DateTimeOffset.UtcNow);
        if (library.Items.Count == 0)
        {
            Console.Error.WriteLine($"healthbot bench: no content items in {contentDirectory}");
            return 1;
        }

        Measure("real", library, queries);
        Measure($"real+{synthetic}", library with { Items = [.. library.Items, .. Synthetic(library.Items, synthetic)] }, queries);
        return 0;
    }

    private static void Measure(string name, ContentLibrary library, int queries)
    {
        var questions = library.Items.SelectMany(i => i.Examples.Select(e => (i.Language, Text: Mutate(e)))).ToList();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        var retriever = new LexicalRetriever(new StaticCatalog(library).Catalog, 0.2);
        var buildMs = build.Elapsed.TotalMilliseconds;
        var memoryMb = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1024.0 / 1024.0;
        for (var i = 0; i < 500; i++)
        {
            retriever.Retrieve(TextNormalizer.Normalize(questions[i % questions.Count].Text), questions[i % questions.Count].Language);
        }

        var latencies = new double[queries];
        for (var i = 0; i < queries; i++)
        {
            var (language, text) = questions[(i * 7919) % questions.Count];
            var started = Stopwatch.GetTimestamp();
            retriever.Retrieve(TextNormalizer.Normalize(text), language);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(latencies);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH retrieval items={library.Items.Count} queries={queries} build_ms={buildMs:0.0} index_mb={memoryMb:0.0} p50_ms={latencies[queries / 2]:0.000} p99_ms={latencies[(int)(queries * 0.99)]:0.000} max_ms={latencies[^1]:0.000}"));
    }

    /// <summary>Items that look like real ones to the index: words recombined from random real items.</summary>
    private static IEnumerable<ContentItem> Synthetic(IReadOnlyList<ContentItem> real, int count)
    {
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            var a = real[random.Next(real.Count)];
            var b = real.Where(r => r.Language == a.Language).ElementAt(random.Next(30));
            yield return a with
            {
                Id = $"synthetic-{i}",
                Title = $"{a.Title} {b.Title}",
                Keywords = [.. a.Keywords.Take(5), .. b.Keywords.Skip(5).Take(5), $"term{i}"],
                Examples = [.. a.Examples.Take(4), .. b.Examples.Skip(4).Take(4)],
            };
        }
    }

    private static string Mutate(string text) => text.Length > 6 ? text.Remove(text.Length / 2, 1) : text;

    /// <summary>A catalog that serves one fixed library, for measuring without files or watchers.</summary>
    private sealed class StaticCatalog
    {
        public StaticCatalog(ContentLibrary library)
        {
            var options = Microsoft.Extensions.Options.Options.Create(new ContentOptions { Directory = Path.GetTempPath(), WatchForChanges = false });
            Catalog = new ContentCatalog(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ContentCatalog>.Instance);
            Catalog.Set(library);
        }

        public ContentCatalog Catalog { get; }
    }
}
