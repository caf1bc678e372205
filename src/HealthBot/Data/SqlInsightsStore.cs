namespace HealthBot.Data;

public sealed record DailyCount(string Day, string Channel, string Language, int Count);

public sealed record TopicCount(string ContentId, int Count);

/// <summary>Aggregates for the insights page: counts only, except the unanswered questions, whose ids are returned for decryption.</summary>
public sealed class SqlInsightsStore(Database database)
{
    public IReadOnlyList<DailyCount> InboundPerDay(DateTimeOffset since)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT substr(created_at, 1, 10), channel, COALESCE(language, '?'), COUNT(*) FROM messages
                WHERE direction = 'in' AND created_at >= @since GROUP BY 1, 2, 3 ORDER BY 1
                """).With("@since", since.ToDb()).ExecuteReader();
        var list = new List<DailyCount>();
        while (reader.Read())
        {
            list.Add(new DailyCount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return list;
    }

    public IReadOnlyList<TopicCount> TopTopics(DateTimeOffset since, int limit)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT content_id, COUNT(*) FROM messages WHERE direction = 'out' AND content_id IS NOT NULL AND kind = 'answer' AND created_at >= @since
                GROUP BY content_id ORDER BY 2 DESC, 1 LIMIT @l
                """).With("@since", since.ToDb()).With("@l", limit).ExecuteReader();
        var list = new List<TopicCount>();
        while (reader.Read())
        {
            list.Add(new TopicCount(reader.GetString(0), reader.GetInt32(1)));
        }

        return list;
    }

    /// <summary>Inbound messages the bot declined or did not understand, newest first: the content gaps.</summary>
    public IReadOnlyList<long> UnansweredIds(DateTimeOffset since, int limit)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT DISTINCT reply_to FROM messages WHERE direction = 'out' AND kind IN ('out_of_scope', 'not_understood')
                AND reply_to IS NOT NULL AND erased_at IS NULL AND created_at >= @since ORDER BY reply_to DESC LIMIT @l
                """).With("@since", since.ToDb()).With("@l", limit).ExecuteReader();
        var list = new List<long>();
        while (reader.Read())
        {
            list.Add(reader.GetInt64(0));
        }

        return list;
    }
}
