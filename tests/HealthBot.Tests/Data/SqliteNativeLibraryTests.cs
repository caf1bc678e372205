using System.Text.Json;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Data;

/// <summary>
/// The service and the Hangfire job store use one SQLite build. Two packages shipping libe_sqlite3 under the same file
/// name means which one runs depends on copy order, and mixed SQLitePCLRaw lines mean a provider built for another core.
/// </summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class SqliteNativeLibraryTests
{
    [Fact]
    public void One_package_ships_the_native_sqlite_and_every_sqlitepclraw_assembly_is_of_one_line()
    {
        var libraries = Libraries();

        var natives = libraries.Where(ShipsNativeSqlite).Select(l => l.Name).ToList();
        var managedLines = libraries
            .Where(l => l.Name.StartsWith("SQLitePCLRaw.", StringComparison.Ordinal)
                && l.Value.TryGetProperty("runtime", out var runtime) && runtime.EnumerateObject().Any())
            .Select(l => l.Name.Split('/')[1].Split('.')[0]).Distinct().ToList();

        Assert.Single(natives);
        Assert.Single(managedLines);
    }

    [Fact]
    public void The_service_runs_on_the_sqlite_version_of_that_package()
    {
        var native = Libraries().First(ShipsNativeSqlite);
        var database = TestDatabase.Create(Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N")));
        using var connection = database.Open();

        var version = (string)connection.Command("SELECT sqlite_version()").ExecuteScalar()!;

        Assert.StartsWith(version, native.Name.Split('/')[1], StringComparison.Ordinal);
    }

    /// <summary>The libraries of the test build as the runtime loads them (name/version and assets).</summary>
    private static List<JsonProperty> Libraries()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "HealthBot.Tests.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(path));
        return deps.RootElement.GetProperty("targets").EnumerateObject().First().Value.Clone().EnumerateObject().ToList();
    }

    private static bool ShipsNativeSqlite(JsonProperty library) =>
        library.Value.TryGetProperty("runtimeTargets", out var targets)
        && targets.EnumerateObject().Any(t => t.Name.EndsWith("linux-x64/native/libe_sqlite3.so", StringComparison.Ordinal));
}
