using System.Data.Common;
using HealthBot.Privacy;

namespace HealthBot.Data;

/// <summary>
/// The database HealthBot keeps its state in: a SQLite file on one small box (the default), or PostgreSQL shared by
/// several nodes. Stores write portable SQL and ask <see cref="Dialect"/> for the few things that differ.
/// </summary>
public abstract class Database(PersonalDataProtector protector)
{
    public PersonalDataProtector Protector => protector;

    public abstract SqlDialect Dialect { get; }

    /// <summary>Where the data lives, for messages to the operator; never contains a password.</summary>
    public abstract string Describe { get; }

    /// <summary>An open connection for reading (and, outside the writer, for one-off work such as migrations).</summary>
    public abstract DbConnection Open();
}

/// <summary>Runs pieces of write work, each in a transaction, and completes once it is committed.</summary>
public interface IDatabaseWriter
{
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work);
}
