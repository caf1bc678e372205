using System.Globalization;
using System.Text;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Admin.Inbox;

/// <summary>Who a conversation is with, as the inbox header shows it (the address decrypted, shown masked).</summary>
public sealed record ContactCard(long Id, string Channel, string Address, string? Language, string Consent);

/// <summary>A responder saw an urgent alert and wrote what they did.</summary>
public sealed record AlertAck(string By, DateTimeOffset At, string Note);

/// <summary>The inbox search: any of topic (content id), local dates, channel and flag; empty means any.</summary>
public sealed record InboxSearch(string? Topic, DateOnly? From, DateOnly? To, string? Channel, string? Flag)
{
    public bool IsEmpty => Topic is null && From is null && To is null && Channel is null && Flag is null;
}

/// <summary>A conversation the search found: its contact, and the newest matching message.</summary>
public sealed record SearchHit(long ContactId, string Channel, string? Language, int Matches, DateTimeOffset LastAt);

/// <summary>
/// The inbox's own reads and writes: contact header, alert acknowledgements and the conversation search.
/// </summary>
public sealed class SqlInboxStore(Database database, IDatabaseWriter writer, TimeProvider time)
{
    /// <summary>The flags a search can ask for, each a condition on a message of the conversation.</summary>
    public static readonly IReadOnlyList<string> SearchFlags =
    [
        ReplyKind.Urgent, ReplyKind.Referral, ReplyKind.OutOfScope, ReplyKind.NotUnderstood,
        AnswerFlags.LowConfidence, AnswerFlags.ModelRejected, AnswerFlags.NegativeFeedback,
    ];

    public ContactCard? Card(long contactId)
    {
        using var connection = database.Open();
        using var reader = connection
            .Command("SELECT id, channel, address, language, consent FROM contacts WHERE id = @c")
            .With("@c", contactId).ExecuteReader();
        return reader.Read()
            ? new ContactCard(reader.GetInt64(0), reader.GetString(1), database.Protector.Decrypt(reader.GetString(2)),
                reader.GetNullableString(3), reader.GetString(4))
            : null;
    }

    public IReadOnlyDictionary<long, AlertAck> Acknowledgements(IReadOnlyCollection<long> alertIds)
    {
        var acks = new Dictionary<long, AlertAck>();
        if (alertIds.Count == 0)
        {
            return acks;
        }

        using var connection = database.Open();
        var ids = string.Join(", ", alertIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        using var reader = connection.Command(
                $"""
                SELECT id, acknowledged_by, acknowledged_at, acknowledgement_note FROM alerts
                WHERE acknowledged_at IS NOT NULL AND id IN ({ids})
                """).ExecuteReader();
        while (reader.Read())
        {
            acks[reader.GetInt64(0)] = new AlertAck(reader.GetString(1), reader.GetTime(2),
                reader.GetNullableString(3) ?? "");
        }

        return acks;
    }

    /// <summary>The person's open urgent alerts nobody has acknowledged yet (resolving needs a note for them).</summary>
    public IReadOnlyList<long> UnacknowledgedAlerts(long contactId)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                "SELECT id FROM alerts WHERE contact_id = @c AND status = 'open' AND acknowledged_at IS NULL ORDER BY id")
            .With("@c", contactId).ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Records the acknowledgement of an open alert; false when there is no such open alert.</summary>
    public Task<bool> AcknowledgeAsync(long alertId, string actor, string note) => writer.WriteAsync((c, t) => c
        .Command(
            """
            UPDATE alerts SET acknowledged_by = @by, acknowledged_at = @at, acknowledgement_note = @note
            WHERE id = @id AND status = 'open'
            """, t)
        .With("@by", actor).With("@at", time.GetUtcNow()).With("@note", note).With("@id", alertId)
        .ExecuteNonQuery() == 1);

    /// <summary>
    /// The provider that carried each person's last message (received it, or for someone who never wrote, sent the
    /// last message to them); absent for messages stored before providers were (migration 0021).
    /// </summary>
    public IReadOnlyDictionary<long, string> Providers(IReadOnlyCollection<long> contactIds)
    {
        var providers = new Dictionary<long, string>();
        if (contactIds.Count == 0)
        {
            return providers;
        }

        using var connection = database.Open();
        var ids = string.Join(", ", contactIds.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        using var reader = connection.Command(
                $"""
                SELECT m.contact_id, m.provider FROM messages m WHERE m.id IN (
                    SELECT MAX(l.id) FROM messages l WHERE l.contact_id IN ({ids})
                    AND (l.direction = 'in' OR NOT EXISTS (SELECT 1 FROM messages i
                         WHERE i.contact_id = l.contact_id AND i.direction = 'in'))
                    GROUP BY l.contact_id) AND m.provider IS NOT NULL
                """).ExecuteReader();
        while (reader.Read())
        {
            providers[reader.GetInt64(0)] = reader.GetString(1);
        }

        return providers;
    }

    /// <summary>Conversations with a message matching every condition given, newest first.</summary>
    public IReadOnlyList<SearchHit> Search(InboxSearch search, StaffClock clock, int limit)
    {
        var where = new StringBuilder("1 = 1");
        using var connection = database.Open();
        using var command = connection.Command("");
        if (search.Topic is { } topic)
        {
            where.Append(" AND m.content_id = @topic");
            command.With("@topic", topic);
        }

        if (search.From is { } from)
        {
            where.Append(" AND m.created_at >= @from");
            command.With("@from", clock.StartOf(from));
        }

        if (search.To is { } to)
        {
            where.Append(" AND m.created_at < @to");
            command.With("@to", clock.StartOf(to.AddDays(1)));
        }

        if (search.Channel is { } channel)
        {
            where.Append(" AND m.channel = @channel");
            command.With("@channel", channel);
        }

        if (search.Flag == AnswerFlags.NegativeFeedback)
        {
            where.Append(" AND m.id IN (SELECT f.message_id FROM answer_feedback f WHERE f.helpful = 0)");
        }
        else if (search.Flag is { } flag)
        {
            var column = flag is AnswerFlags.LowConfidence or AnswerFlags.ModelRejected ? "flag_reason" : "kind";
            where.Append($" AND m.direction = 'out' AND m.{column} = @flag");
            command.With("@flag", flag);
        }

        command.CommandText =
            $"""
            SELECT m.contact_id, c.channel, c.language, COUNT(*), MAX(m.created_at)
            FROM messages m JOIN contacts c ON c.id = m.contact_id
            WHERE {where} GROUP BY m.contact_id, c.channel, c.language ORDER BY 5 DESC LIMIT @limit
            """;
        command.With("@limit", limit);
        using var reader = command.ExecuteReader();
        var hits = new List<SearchHit>();
        while (reader.Read())
        {
            hits.Add(new SearchHit(reader.GetInt64(0), reader.GetString(1), reader.GetNullableString(2),
                Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
                reader.GetTime(4)));
        }

        return hits;
    }
}
