namespace HealthBot.Tests.Infrastructure;

/// <summary>
/// The trait <c>.ci/run</c>'s PostgreSQL pass filters on (<c>--filter "PostgresPass!=skip"</c>), so that pass runs
/// what the database can change and CI stays within its time. A class is marked when it would only repeat its SQLite
/// run: its hosts never use PostgreSQL (command-line children, kill -9 servers and stores on a SQLite file), or it
/// checks a provider's protocol or a page's layout through the same inbound path and stores that the classes left
/// in the pass run on PostgreSQL. Everything unmarked runs on both databases.
/// </summary>
public static class PostgresPass
{
    public const string Name = "PostgresPass";

    public const string Skip = "skip";
}
