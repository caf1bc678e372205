using System.Text.RegularExpressions;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Data;

/// <summary>
/// Data/ holds the database, the writer, migrations and the dialect only: a store, its interface and its records live
/// in the folder of the feature that owns its tables, so a feature's SQL is read where the feature is. Read from the
/// source tree, because a type's folder is not visible in the compiled assembly.
/// </summary>
public sealed partial class StoresLiveInFeaturesTests
{
    /// <summary>Plumbing of the data layer whose names look like a store's.</summary>
    private static readonly HashSet<string> Plumbing = ["SqlDialect"];

    [Fact]
    public void No_store_is_declared_under_Data()
    {
        var data = HealthBotFactory.RepositoryPath(Path.Combine("src", "HealthBot", "Data"));
        Assert.True(Directory.Exists(data), $"not found: {data}");

        var stores = Directory.EnumerateFiles(data, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => StoresIn(File.ReadAllText(file))
                .Select(type => $"{Path.GetRelativePath(data, file)}: {type}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(stores.Count == 0,
            "these belong in their feature's folder (Campaigns/, Outbox/, Dialog/…), registered by the feature's "
            + "XServiceCollectionExtensions, not in Data/:\n" + string.Join("\n", stores));
    }

    [Fact]
    public void The_check_recognises_each_kind_of_store()
    {
        const string source = """
            public sealed class SqlThingStore(Database database) { }
            public sealed partial class SqlWidgets(Database database, IDatabaseWriter writer)
                : IWidgetStore, IDisposable { }
            public interface IWidgetStore { }
            public sealed class PlainReader : IAnswerFeedbackStore { }
            public abstract class SqlDialect { }
            public sealed class SqliteWriter : IDatabaseWriter { }
            public sealed record ProviderScope(string Provider);
            """;

        Assert.Equal(["SqlThingStore", "SqlWidgets", "IWidgetStore", "PlainReader"], StoresIn(source));
    }

    /// <summary>
    /// Types that are stores: named Sql…Store, any other Sql… class (SqlAlerts, SqlInsights…), an interface named
    /// I…Store, or a type implementing one.
    /// </summary>
    private static IEnumerable<string> StoresIn(string source) =>
        Declaration().Matches(source)
            .Where(m => IsStore(m.Groups["name"].Value, m.Groups["bases"].Value))
            .Select(m => m.Groups["name"].Value);

    private static bool IsStore(string name, string bases) =>
        !Plumbing.Contains(name)
        && (SqlName().IsMatch(name) || StoreInterface().IsMatch(name) || BaseStore().IsMatch(bases));

    [GeneratedRegex(@"\b(?:class|record|interface|struct)\s+(?<name>\w+)(?<bases>[^{;]*)")]
    private static partial Regex Declaration();

    /// <summary>Sql followed by a capital: SqlAlerts, SqlCampaignStore; not Sqlite….</summary>
    [GeneratedRegex(@"^Sql[A-Z]\w*$")]
    private static partial Regex SqlName();

    [GeneratedRegex(@"^I[A-Z]\w*Store$")]
    private static partial Regex StoreInterface();

    [GeneratedRegex(@":[^{;]*\bI[A-Z]\w*Store\b")]
    private static partial Regex BaseStore();
}
