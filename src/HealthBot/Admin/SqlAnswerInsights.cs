using HealthBot.Data;

namespace HealthBot.Admin;

/// <summary>Yes and no replies to "Was this helpful?" about one content item.</summary>
public sealed record TopicFeedback(string ContentId, int Helpful, int NotHelpful)
{
    public int Total => Helpful + NotHelpful;
}

/// <summary>Answered questions phrased by the model (<paramref name="ModelUsed"/>) or sent as curated text, and why.</summary>
public sealed record PhrasingCount(bool ModelUsed, string? FallbackReason, int Answers);

/// <summary>Counts for the insights page about answer quality. Portable SQL with @name parameters.</summary>
public sealed class SqlAnswerInsights(Database database)
{
    public IReadOnlyList<TopicFeedback> FeedbackByTopic(DateTimeOffset since, int limit)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT content_id, SUM(CASE WHEN helpful = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN helpful = 0 THEN 1 ELSE 0 END)
                FROM answer_feedback WHERE helpful IS NOT NULL AND answered_at >= @since
                GROUP BY content_id ORDER BY 3 DESC, 2 DESC, 1 LIMIT @limit
                """)
            .With("@since", since).With("@limit", limit).ExecuteReader();
        var list = new List<TopicFeedback>();
        while (reader.Read())
        {
            list.Add(new TopicFeedback(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return list;
    }

    /// <summary>Questions answered from content, by how they were phrased; a reply split into two messages counts once.</summary>
    public IReadOnlyList<PhrasingCount> Phrasing(DateTimeOffset since)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT model_used, fallback_reason, COUNT(DISTINCT reply_to) FROM messages
                WHERE direction = 'out' AND kind = 'answer' AND model_used IS NOT NULL AND reply_to IS NOT NULL AND created_at >= @since
                GROUP BY model_used, fallback_reason ORDER BY 3 DESC
                """)
            .With("@since", since).ExecuteReader();
        var list = new List<PhrasingCount>();
        while (reader.Read())
        {
            list.Add(new PhrasingCount(reader.GetInt64(0) == 1, reader.GetNullableString(1), reader.GetInt32(2)));
        }

        return list;
    }
}
