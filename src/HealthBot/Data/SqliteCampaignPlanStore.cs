using Microsoft.Data.Sqlite;

namespace HealthBot.Data;

/// <summary>
/// Writes a planned page of campaign sends in one transaction: a <c>campaign_sends</c> row per (campaign, message,
/// contact) and, for each send that is new and not skipped, the message and its outbox row. The unique key on
/// campaign_sends (and the outbox idempotency key) makes planning the same page again write nothing.
/// </summary>
public sealed class SqliteCampaignPlanStore(SqliteWriter writer, TimeProvider time)
{
    public const string Kind = "campaign";

    /// <summary>Returns how many sends were new.</summary>
    public Task<int> WriteAsync(long campaignId, int priority, IReadOnlyList<PlannedSend> sends) =>
        writer.WriteAsync((connection, transaction) => Write(connection, transaction, campaignId, priority, sends, time.GetUtcNow().ToDb()));

    public static string IdempotencyKey(long campaignId, string messageKey, long contactId) => $"campaign:{campaignId}:{messageKey}:{contactId}";

    private static int Write(SqliteConnection connection, SqliteTransaction transaction, long campaignId, int priority, IReadOnlyList<PlannedSend> sends, string now)
    {
        using var send = connection.Command(
            """
            INSERT INTO campaign_sends (campaign_id, message_key, contact_id, state, reason, due_at, created_at)
            VALUES ($camp, $key, $contact, $state, $reason, $due, $now) ON CONFLICT DO NOTHING RETURNING id
            """, transaction);
        using var message = connection.Command(
            """
            INSERT INTO messages (contact_id, direction, channel, body, status, language, kind, content_id, created_at, updated_at)
            VALUES ($contact, 'out', $ch, $body, 'queued', $lang, 'campaign', $cid, $now, $now) RETURNING id
            """, transaction);
        using var history = connection.Command("INSERT INTO message_status_history (message_id, status, at) VALUES ($m, 'queued', $now)", transaction);
        using var outbox = connection.Command(
            """
            INSERT INTO outbox (message_id, idempotency_key, channel, priority, state, next_attempt_at, created_at, updated_at)
            VALUES ($m, $idem, $ch, $prio, 'pending', $due, $now, $now)
            """, transaction);
        using var link = connection.Command("UPDATE campaign_sends SET message_id = $m WHERE id = $id", transaction);
        foreach (var command in new[] { send, message, history, outbox, link })
        {
            command.With("$now", now).With("$camp", campaignId).With("$prio", priority).With("$cid", $"campaign:{campaignId}");
        }

        var created = 0;
        foreach (var planned in sends)
        {
            var due = planned.Due.ToDb();
            var sendId = Set(send, ("$key", planned.MessageKey), ("$contact", planned.ContactId), ("$state", planned.SkipReason is null ? "queued" : "skipped"),
                ("$reason", planned.SkipReason), ("$due", due)).ExecuteScalar();
            if (sendId is not long id)
            {
                continue;
            }

            created++;
            if (planned.SkipReason is not null)
            {
                continue;
            }

            var messageId = Set(message, ("$contact", planned.ContactId), ("$ch", planned.Channel), ("$body", planned.Body), ("$lang", planned.Language)).ScalarLong();
            Set(history, ("$m", messageId)).ExecuteNonQuery();
            Set(outbox, ("$m", messageId), ("$idem", IdempotencyKey(campaignId, planned.MessageKey, planned.ContactId)), ("$ch", planned.Channel), ("$due", due)).ExecuteNonQuery();
            Set(link, ("$m", messageId), ("$id", id)).ExecuteNonQuery();
        }

        return created;
    }

    private static SqliteCommand Set(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        return command;
    }
}
