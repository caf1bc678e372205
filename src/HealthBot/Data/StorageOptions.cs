using System.ComponentModel.DataAnnotations;

namespace HealthBot.Data;

/// <summary>Where HealthBot keeps its database. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>
    /// The environment variable with the PostgreSQL connection string: it carries a password, so never a setting.
    /// </summary>
    public const string PostgresVariable = "HEALTHBOT_POSTGRES";

    /// <summary><c>sqlite</c> (one box, the default) or <c>postgres</c> (several nodes sharing one database).</summary>
    [Required]
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// Folder for the SQLite database (and, with SQLite, the job store); created when missing. Relative paths start at
    /// the working directory.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>File name of the SQLite database inside <see cref="DataDirectory"/>.</summary>
    [Required]
    public string DatabaseFile { get; set; } = "healthbot.db";

    /// <summary>
    /// This node's name, stamped on the outbox rows it is sending so that at start it takes back only its own; nodes
    /// sharing a PostgreSQL database need distinct names. Empty: the machine name.
    /// </summary>
    public string NodeId { get; set; } = string.Empty;

    /// <summary>How long another node waits before taking over a message a silent node was sending.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Connections the PostgreSQL writer uses at once (each node).</summary>
    [Range(1, 200)]
    public int PostgresWriters { get; set; } = 16;

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, DatabaseFile));

    /// <summary>
    /// Below this much free space (megabytes) on the data's disk, webhooks answer 503 so that the provider keeps the
    /// message and retries, instead of HealthBot accepting a message it may fail to store.
    /// </summary>
    [Range(0, 1_000_000)]
    public long MinimumFreeMegabytes { get; set; } = 50;

    /// <summary>
    /// Below this much free space (megabytes), every workspace page warns that the disk is filling up, so someone can
    /// act before <see cref="MinimumFreeMegabytes"/> is reached and messages are refused.
    /// </summary>
    [Range(0, 1_000_000)]
    public long WarnFreeMegabytes { get; set; } = 500;

    public string Node => NodeId.Length > 0 ? NodeId : Environment.MachineName;

    public bool IsPostgres => Provider == "postgres";

    /// <summary>
    /// The PostgreSQL connection string. It carries a password, so it comes from the environment variable
    /// <see cref="PostgresVariable"/> (filled in by <see cref="DataServiceCollectionExtensions"/>) and is left out of
    /// appsettings.
    /// </summary>
    public string PostgresConnection { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsPostgres && string.IsNullOrWhiteSpace(PostgresConnection))
        {
            yield return new ValidationResult(
                $"Storage:Provider is 'postgres' but the environment variable {PostgresVariable} is not set " +
                "(e.g. Host=db;Database=healthbot;Username=healthbot;Password=…).");
        }
    }
}
