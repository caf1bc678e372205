using System.Globalization;
using System.Data.Common;

namespace HealthBot.Data;

/// <summary>Small helpers that keep the store classes free of ADO.NET ceremony.</summary>
internal static class DbExtensions
{
    // Prepared commands of long-lived connections (the single writer's): preparing a statement costs more than
    // running it, and the writer runs the same few statements for every message.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Prepared = [];

    /// <summary>Reuses this connection's prepared commands from now on; its commands must then never be disposed.</summary>
    public static void CachePreparedCommands(this DbConnection connection) => Prepared.AddOrUpdate(connection, new Dictionary<string, DbCommand>(StringComparer.Ordinal));

    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        if (Prepared.TryGetValue(connection, out var cache))
        {
            if (!cache.TryGetValue(sql, out var cached))
            {
                cache[sql] = cached = connection.CreateCommand();
                cached.CommandText = sql;
            }

            cached.Parameters.Clear();
            cached.Transaction = transaction;
            return cached;
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        // Flags are stored as 0/1 integers, which both SQLite and PostgreSQL compare the same way. Times are
        // timestamptz on PostgreSQL (Npgsql binds a UTC DateTime as one); on SQLite the same text as ever, which
        // sorts as time, so existing files and their string comparisons keep working byte for byte.
        parameter.Value = value switch
        {
            null => DBNull.Value,
            bool flag => flag ? 1L : 0L,
            DateTimeOffset time => command is Npgsql.NpgsqlCommand ? time.UtcDateTime : time.ToDb(),
            _ => value,
        };
        command.Parameters.Add(parameter);
        return command;
    }

    public static string ToDb(this DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ToDateTimeOffset(this string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>A time column: text on SQLite, timestamptz (a UTC DateTime) on PostgreSQL.</summary>
    public static DateTimeOffset GetTime(this DbDataReader reader, int ordinal) =>
        ToTime(reader.GetValue(ordinal)) ?? throw new InvalidCastException($"column {ordinal} is NULL, not a time");

    public static DateTimeOffset? GetNullableTime(this DbDataReader reader, int ordinal) =>
        ToTime(reader.GetValue(ordinal));

    /// <summary>A time as a query returned it (a scalar, a value read), whichever database; null for NULL.</summary>
    public static DateTimeOffset? ToTime(object? value) => value switch
    {
        null or DBNull => null,
        string text => text.ToDateTimeOffset(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        _ => throw new InvalidCastException($"a time was read as {value.GetType().Name}"),
    };

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? GetNullableInt(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static long ScalarLong(this DbCommand command) => Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}
