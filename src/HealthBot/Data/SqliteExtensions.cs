using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HealthBot.Data;

/// <summary>Small helpers that keep the store classes free of ADO.NET ceremony.</summary>
internal static class SqliteExtensions
{
    // Prepared commands of long-lived connections (the single writer's): preparing a statement costs more than
    // running it, and the writer runs the same few statements for every message.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = [];

    /// <summary>Reuses this connection's prepared commands from now on; its commands must then never be disposed.</summary>
    public static void CachePreparedCommands(this SqliteConnection connection) => Prepared.AddOrUpdate(connection, new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));

    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
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

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static string ToDb(this DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ToDateTimeOffset(this string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? GetNullableInt(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static long ScalarLong(this SqliteCommand command) => Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}
