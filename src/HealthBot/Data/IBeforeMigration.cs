namespace HealthBot.Data;

/// <summary>
/// Runs before the schema is migrated at start (a damaged file is refused, a backup is taken before an upgrade);
/// throws <see cref="DatabaseUnusableException"/> to stop the start with its message.
/// </summary>
public interface IBeforeMigration
{
    void Run();
}

/// <summary>The database cannot be used as it is; the message says why and what to do.</summary>
public sealed class DatabaseUnusableException(string message) : Exception(message);
