using System.Data.Common;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Outbox;

/// <summary>
/// Claiming due rows for one sending lane (OutboxDispatcher): the rows of some channels, optionally only those answered
/// through one provider (<see cref="OutboxShare"/>), so a provider that stalls holds up only its own rows.
/// </summary>
public sealed partial class SqlOutboxStore
{
    /// <summary>
    /// The WHERE condition for <paramref name="shares"/>: a channel, and the provider that answers the row
    /// (<see cref="ViaColumn"/>, computed as the claim reads it) when the share names one or leaves some to others.
    /// </summary>
    private static string ShareFilter(IReadOnlyCollection<OutboxShare> shares) =>
        "(" + string.Join(" OR ", shares.Select((share, i) => share switch
        {
            { Via: not null } => $"(o.channel = @sc{i} AND {ViaColumn} = @sv{i})",
            { NotVia.Count: > 0 } => $"(o.channel = @sc{i} AND ({ViaColumn} IS NULL OR {ViaColumn} NOT IN (" +
                                     string.Join(", ", share.NotVia.Select((_, j) => $"@sx{i}_{j}")) + ")))",
            _ => $"o.channel = @sc{i}",
        })) + ")";

    private static DbCommand WithShares(DbCommand command, IReadOnlyCollection<OutboxShare> shares)
    {
        var i = 0;
        foreach (var share in shares)
        {
            command.With($"@sc{i}", share.Channel);
            if (share.Via is not null)
            {
                command.With($"@sv{i}", share.Via);
            }

            for (var j = 0; j < share.NotVia.Count; j++)
            {
                command.With($"@sx{i}_{j}", share.NotVia[j]);
            }

            i++;
        }

        return command;
    }

    private static IReadOnlyList<OutboxItem> Claim(
        DbConnection connection, DbTransaction transaction, Database database, IReadOnlyCollection<OutboxShare> shares,
        int limit, DateTimeOffset now, string node)
    {
        var select = connection.Command(
            $"""
            SELECT o.id, o.message_id, o.channel, c.address, m.body, o.attempts, c.id, c.consent, m.kind,
                   o.in_doubt_since, {ViaColumn}, {LinkColumn}, {ToColumn}, o.resent_in_doubt
            FROM outbox o JOIN messages m ON m.id = o.message_id JOIN contacts c ON c.id = m.contact_id
                 LEFT JOIN messages r ON r.id = m.reply_to
            WHERE o.state = 'pending' AND o.next_attempt_at <= @now AND {ShareFilter(shares)}
            ORDER BY o.priority DESC, o.next_attempt_at, o.id LIMIT @limit{database.Dialect.ForUpdateSkipLocked("o")}
            """, transaction).With("@now", now).With("@limit", limit);
        WithShares(select, shares);

        var items = new List<OutboxItem>();
        var skipped = new List<(long OutboxId, long MessageId)>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                // Consent is checked again at send time: a STOP that arrived after a message was queued wins.
                // Campaign messages are left to the campaign gate, which checks the same and reports why it skipped.
                var kind = reader.GetNullableString(8) ?? string.Empty;
                if (reader.GetString(7) == Consent.OptedOut && !ConfirmationKinds.Contains(kind)
                    && kind != CampaignKind)
                {
                    skipped.Add((reader.GetInt64(0), reader.GetInt64(1)));
                    continue;
                }

                var to = database.Protector.Decrypt(reader.GetString(3));
                var body = database.Protector.Decrypt(reader.GetString(4));
                items.Add(new OutboxItem(
                    reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), to, body, reader.GetInt32(5),
                    reader.GetInt64(6))
                {
                    Kind = kind,
                    InDoubtSince = reader.GetNullableTime(9),
                    Via = reader.GetNullableString(10),
                    LinkId = reader.GetNullableString(11),
                    ReplyFrom = reader.GetNullableString(12),
                    ResentInDoubt = reader.GetNullableTime(13),
                });
            }
        }

        foreach (var (outboxId, messageId) in skipped)
        {
            connection.Command(
                    "UPDATE outbox SET state = 'failed', last_error = 'recipient opted out', updated_at = @now " +
                    "WHERE id = @id", transaction)
                .With("@now", now).With("@id", outboxId).ExecuteNonQuery();
            SqlMessageStore.SetStatus(connection, transaction, messageId, "skipped", "opted-out", now, null);
        }

        // From now until its outcome is recorded the send is in doubt: after a crash it is looked up, not resent.
        // One statement for the whole batch (on PostgreSQL each statement is a round trip).
        if (items.Count > 0)
        {
            connection.Command(
                    "UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_by = @node, " +
                    "updated_at = @now, " +
                    "in_doubt_since = COALESCE(in_doubt_since, @now) " +
                    $"WHERE id IN (SELECT r.o FROM {database.Dialect.Rows("@rows", ("o", "bigint"))} r)", transaction)
                .With("@now", now).With("@node", node).With("@rows", JsonRows.Of(items, i => [i.OutboxId]))
                .ExecuteNonQuery();
        }

        return items;
    }

    /// <summary>
    /// The provider to answer through: the one that carried the message replied to, or for a message that replies
    /// to none (a staff reply) the one that carried the person's last message on the channel. Campaigns: none, they
    /// go through the channel's sending provider.
    /// </summary>
    // Africa's Talking's premium linkId: a reply carries the one of the message it answers (when a provider carried
    // it); a staff reply, which answers no one message, the one of the person's last message (Channels/README.md).
    private const string LinkColumn =
        """
        CASE WHEN m.reply_to IS NOT NULL THEN CASE WHEN r.provider IS NOT NULL THEN r.provider_link_id END
            WHEN m.kind = 'human' THEN (SELECT l.provider_link_id FROM messages l
                WHERE l.contact_id = m.contact_id AND l.direction = 'in' AND l.channel = m.channel
                ORDER BY l.id DESC LIMIT 1) END
        """;

    // The short code the person wrote to, chosen as the linkId is: campaigns answer nobody and keep the configured
    // sender (Channels/README.md, "Which provider answers").
    private const string ToColumn =
        """
        CASE WHEN m.reply_to IS NOT NULL THEN CASE WHEN r.provider IS NOT NULL THEN r.provider_to END
            WHEN m.kind = 'human' THEN (SELECT l.provider_to FROM messages l
                WHERE l.contact_id = m.contact_id AND l.direction = 'in' AND l.channel = m.channel
                ORDER BY l.id DESC LIMIT 1) END
        """;

    private const string ViaColumn =
        """
        COALESCE(r.provider, CASE WHEN COALESCE(m.kind, '') <> 'campaign' THEN (SELECT l.provider FROM messages l
            WHERE l.contact_id = m.contact_id AND l.direction = 'in' AND l.channel = m.channel
            ORDER BY l.id DESC LIMIT 1) END)
        """;

}
