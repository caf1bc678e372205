using HealthBot.Dialog;
using HealthBot.Privacy;
using System.Data.Common;

namespace HealthBot.Data;

/// <summary>Urgent alerts for staff, written in the same transaction as the replies to the emergency.</summary>
public sealed class SqlAlerts(Database database) : IAlertStore
{
    public const string StaffAlertKind = "staff_alert";

    public Task<IReadOnlyList<Alert>> OpenAsync(int limit, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command("SELECT id, contact_id, message_id, rule, topic, status, created_at, follow_ups, updated_at FROM alerts WHERE status = 'open' ORDER BY id DESC LIMIT @l")
            .With("@l", limit).ExecuteReader();
        var list = new List<Alert>();
        while (reader.Read())
        {
            list.Add(new Alert(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetString(3),
                reader.GetNullableString(4), reader.GetString(5), reader.GetString(6).ToDateTimeOffset())
            {
                FollowUps = reader.GetInt32(7),
                LastFollowUpAt = reader.GetNullableString(8)?.ToDateTimeOffset(),
            });
        }

        return Task.FromResult<IReadOnlyList<Alert>>(list);
    }

    /// <summary>Records the alert unless the contact already has one in the window; returns the new alert's id.</summary>
    internal static long? Insert(DbConnection connection, DbTransaction transaction, PersonalDataProtector protector, long contactId, long messageId, AlertDraft alert, string now)
    {
        // A follow-up of the same emergency (the open alert was raised or last followed within the window) joins that
        // alert, so staff see one case with its latest message, and on-call staff are not paged again.
        var open = connection.Command(
                """
                SELECT id FROM alerts WHERE contact_id = @c AND status = 'open' AND COALESCE(updated_at, created_at) >= @since
                ORDER BY id DESC LIMIT 1
                """, transaction)
            .With("@c", contactId).With("@since", alert.DedupSince.ToDb()).ExecuteScalar();
        if (open is not null and not DBNull)
        {
            connection.Command("UPDATE alerts SET follow_ups = follow_ups + 1, last_message_id = @m, updated_at = @now WHERE id = @id", transaction)
                .With("@m", messageId).With("@now", now).With("@id", open).ExecuteNonQuery();
            return null;
        }

        var recent = connection.Command("SELECT COUNT(*) FROM alerts WHERE contact_id = @c AND created_at >= @since", transaction)
            .With("@c", contactId).With("@since", alert.DedupSince.ToDb()).ScalarLong();
        if (recent > 0)
        {
            return null;
        }

        var id = connection.Command("INSERT INTO alerts (contact_id, message_id, rule, topic, created_at) VALUES (@c, @m, @r, @t, @now) RETURNING id", transaction)
            .With("@c", contactId).With("@m", messageId).With("@r", alert.Rule).With("@t", alert.Topic).With("@now", now).ScalarLong();
        foreach (var number in alert.OnCallNumbers)
        {
            var staff = SqlContactStore.GetOrCreate(connection, transaction, protector, ChannelNames.Sms, number, now.ToDateTimeOffset());
            // Only ids: the on-call SMS never carries the person's number or words.
            var text = $"HealthBot URGENT alert #{id}: contact #{contactId} matched '{alert.Rule}' at {now[..16].Replace('T', ' ')} UTC. Open the staff inbox.";
            SqlMessageStore.InsertOutbound(connection, transaction, protector, staff.Id, ChannelNames.Sms, null,
                new OutboundDraft(text, StaffAlertKind, "en", null, null, Priority: 30), $"alert:{id}:{number}", now);
        }

        return id;
    }
}

public interface IAlertStore
{
    Task<IReadOnlyList<Alert>> OpenAsync(int limit, CancellationToken ct = default);
}
