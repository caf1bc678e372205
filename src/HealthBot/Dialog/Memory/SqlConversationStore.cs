using System.Data.Common;
using HealthBot.Data;

namespace HealthBot.Dialog.Memory;

/// <summary>
/// What a conversation remembers between messages: the last topic answered, the last emergency and the language.
/// Ids and rule names only, never message text.
/// </summary>
public sealed record ConversationMemory(
    string? Language, string? Topic, string? UrgentRule, string? UrgentTopic, DateTimeOffset? UrgentAt, DateTimeOffset UpdatedAt)
{
    public bool HasEmergency => UrgentRule is not null;
}

public interface IConversationStore
{
    /// <summary>The contact's memory if it was updated at or after <paramref name="since"/>, else null (forgotten).</summary>
    Task<ConversationMemory?> RecallAsync(long contactId, DateTimeOffset since, CancellationToken ct = default);

    Task RememberAsync(long contactId, ConversationMemory memory, CancellationToken ct = default);
}

/// <summary>Conversation memory in the shared database, so it survives restarts and is the same on every node.</summary>
public sealed class SqlConversationStore(Database database, IDatabaseWriter writer) : IConversationStore
{
    public Task<ConversationMemory?> RecallAsync(long contactId, DateTimeOffset since, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                """
                SELECT language, topic, urgent_rule, urgent_topic, urgent_at, updated_at FROM conversation_state
                WHERE contact_id = @c AND updated_at >= @since
                """)
            .With("@c", contactId).With("@since", since).ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new ConversationMemory(reader.GetNullableString(0), reader.GetNullableString(1), reader.GetNullableString(2),
                reader.GetNullableString(3), reader.GetNullableTime(4), reader.GetTime(5))
            : null);
    }

    public Task RememberAsync(long contactId, ConversationMemory memory, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) => Remember(connection, transaction, contactId, memory));

    internal static int Remember(
        DbConnection connection, DbTransaction transaction, long contactId, ConversationMemory memory) =>
        connection.Command(
                """
                INSERT INTO conversation_state (contact_id, language, topic, urgent_rule, urgent_topic, urgent_at, updated_at)
                VALUES (@c, @l, @t, @r, @ut, @ua, @now)
                ON CONFLICT (contact_id) DO UPDATE SET language = excluded.language, topic = excluded.topic,
                    urgent_rule = excluded.urgent_rule, urgent_topic = excluded.urgent_topic, urgent_at = excluded.urgent_at,
                    updated_at = excluded.updated_at
                """, transaction)
            .With("@c", contactId).With("@l", memory.Language).With("@t", memory.Topic).With("@r", memory.UrgentRule)
            .With("@ut", memory.UrgentTopic).With("@ua", memory.UrgentAt).With("@now", memory.UpdatedAt)
            .ExecuteNonQuery();
}
