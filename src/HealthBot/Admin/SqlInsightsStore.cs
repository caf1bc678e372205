using System.Globalization;
using HealthBot.Data;

namespace HealthBot.Admin;

public sealed record DailyCount(string Day, string Channel, string Language, int Count);

public sealed record TopicCount(string ContentId, int Count);

/// <summary>
/// One channel's people (contacts who wrote or were written to) and messages each way in a period, through one
/// provider (as stored with each message; null for messages from before it was stored).
/// </summary>
public sealed record ChannelTotal(string Channel, int Conversations, int In, int Out)
{
    public string? Provider { get; init; }
}

/// <summary>
/// Aggregates for the insights page: counts only, except the unanswered questions, whose ids are returned for
/// decryption.
/// </summary>
public sealed class SqlInsightsStore(Database database)
{
    /// <summary>
    /// Inbound messages per day of <paramref name="zone"/> (the deployment's, so a day is the staff's day, not UTC's),
    /// channel and language. Counted per minute in SQL, so any zone offset (+05:30, +05:45) falls on the right day.
    /// </summary>
    public IReadOnlyList<DailyCount> InboundPerDay(DateTimeOffset since, TimeZoneInfo zone)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                $"""
                SELECT {database.Dialect.UtcMinute("created_at")}, channel, COALESCE(language, '?'), COUNT(*)
                FROM messages WHERE direction = 'in' AND created_at >= @since GROUP BY 1, 2, 3 ORDER BY 1
                """).With("@since", since).ExecuteReader();
        var counts = new Dictionary<(string, string, string), int>();
        while (reader.Read())
        {
            var minute = (reader.GetString(0) + ":00Z").ToDateTimeOffset();
            var day = TimeZoneInfo.ConvertTime(minute, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var key = (day, reader.GetString(1), reader.GetString(2));
            var count = Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture);
            counts[key] = counts.GetValueOrDefault(key) + count;
        }

        return counts.OrderBy(c => c.Key.Item1, StringComparer.Ordinal)
            .Select(c => new DailyCount(c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Value)).ToList();
    }

    public IReadOnlyList<TopicCount> TopTopics(DateTimeOffset since, int limit)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT content_id, COUNT(*) FROM messages
                WHERE direction = 'out' AND content_id IS NOT NULL AND kind = 'answer' AND created_at >= @since
                GROUP BY content_id ORDER BY 2 DESC, 1 LIMIT @l
                """).With("@since", since).With("@l", limit).ExecuteReader();
        var list = new List<TopicCount>();
        while (reader.Read())
        {
            list.Add(new TopicCount(reader.GetString(0), reader.GetInt32(1)));
        }

        return list;
    }

    /// <summary>
    /// Conversations (distinct contacts) and messages in and out per channel and provider since a moment.
    /// </summary>
    public IReadOnlyList<ChannelTotal> ChannelTotals(DateTimeOffset since)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT channel, COUNT(DISTINCT contact_id),
                       SUM(CASE WHEN direction = 'in' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN direction = 'out' THEN 1 ELSE 0 END), provider
                FROM messages WHERE created_at >= @since GROUP BY channel, provider ORDER BY channel, provider
                """).With("@since", since).ExecuteReader();
        var list = new List<ChannelTotal>();
        while (reader.Read())
        {
            int Count(int column) => Convert.ToInt32(reader.GetValue(column), CultureInfo.InvariantCulture);
            list.Add(new ChannelTotal(reader.GetString(0), Count(1), Count(2), Count(3))
            {
                Provider = reader.GetNullableString(4),
            });
        }

        return list;
    }

    /// <summary>Inbound messages the bot declined or did not understand, newest first: the content gaps.</summary>
    public IReadOnlyList<long> UnansweredIds(DateTimeOffset since, int limit)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT DISTINCT reply_to FROM messages
                WHERE direction = 'out' AND kind IN ('out_of_scope', 'not_understood')
                AND reply_to IS NOT NULL AND erased_at IS NULL AND created_at >= @since ORDER BY reply_to DESC LIMIT @l
                """).With("@since", since).With("@l", limit).ExecuteReader();
        var list = new List<long>();
        while (reader.Read())
        {
            list.Add(reader.GetInt64(0));
        }

        return list;
    }
}
