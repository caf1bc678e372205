using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Privacy;
using System.Data.Common;

namespace HealthBot.Safety;

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
                reader.GetNullableString(4), reader.GetString(5), reader.GetTime(6))
            {
                FollowUps = reader.GetInt32(7),
                LastFollowUpAt = reader.GetNullableTime(8),
            });
        }

        return Task.FromResult<IReadOnlyList<Alert>>(list);
    }

    /// <summary>Records the alert unless the contact already has one in the window; returns the new alert's id.</summary>
    internal static long? Insert(
        DbConnection connection,
        DbTransaction transaction,
        Database database,
        long contactId,
        long messageId,
        AlertDraft alert,
        DateTimeOffset now)
    {
        // A follow-up of the same emergency (the open alert was raised or last followed within the window) joins that
        // alert, so staff see one case with its latest message, and on-call staff are not paged again.
        // A rule's emergency never joins or waits behind a second opinion's alert: it gets its own, and pages on-call.
        var rules = alert.Rule == Safety.SecondOpinion.Rule ? string.Empty : $" AND rule <> '{Safety.SecondOpinion.Rule}'";
        var open = connection.Command(
                $"""
                SELECT id FROM alerts WHERE contact_id = @c AND status = 'open' AND COALESCE(updated_at, created_at) >= @since{rules}
                ORDER BY id DESC LIMIT 1
                """, transaction)
            .With("@c", contactId).With("@since", alert.DedupSince).ExecuteScalar();
        if (open is not null and not DBNull)
        {
            connection.Command("UPDATE alerts SET follow_ups = follow_ups + 1, last_message_id = @m, updated_at = @now WHERE id = @id", transaction)
                .With("@m", messageId).With("@now", now).With("@id", open).ExecuteNonQuery();
            return null;
        }

        var recent = connection.Command($"SELECT COUNT(*) FROM alerts WHERE contact_id = @c AND created_at >= @since{rules}", transaction)
            .With("@c", contactId).With("@since", alert.DedupSince).ScalarLong();
        if (recent > 0)
        {
            return null;
        }

        if (alert.OnCallNumbers.Count > 0)
        {
            // Count the budget and take from it in one step, or two alerts at once could both see room for one more.
            database.Dialect.Lock(connection, transaction, LockScope.AlertSms, 0);
        }

        var sms = alert.OnCallNumbers.Count == 0 ? "none"
            : WithinBudget(connection, transaction, alert.Budget, now) ? "sent"
            : "held";
        var id = connection.Command(
                """
                INSERT INTO alerts (contact_id, message_id, rule, topic, created_at, sms)
                VALUES (@c, @m, @r, @t, @now, @sms) RETURNING id
                """, transaction)
            .With("@c", contactId).With("@m", messageId).With("@r", alert.Rule).With("@t", alert.Topic)
            .With("@now", now).With("@sms", sms).ScalarLong();
        if (sms != "sent")
        {
            return id;
        }

        foreach (var number in alert.OnCallNumbers)
        {
            // Only ids: the on-call SMS never carries the person's number or words.
            var minute = now.UtcDateTime.ToString(
                "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var text = $"HealthBot URGENT alert #{id}: contact #{contactId} matched '{alert.Rule}' " +
                       $"at {minute} UTC. Open the staff inbox.";
            ToOnCall(connection, transaction, database.Protector, number, text, $"alert:{id}:{number}", now);
        }

        return id;
    }

    /// <summary>Whether fewer alerts than the budget allows got their own SMS in the window up to now.</summary>
    private static bool WithinBudget(
        DbConnection connection, DbTransaction transaction, AlertSmsBudget budget, DateTimeOffset now)
    {
        var since = now - budget.Window;
        var sent = connection
            .Command("SELECT COUNT(*) FROM alerts WHERE sms = 'sent' AND created_at >= @since", transaction)
            .With("@since", since).ScalarLong();
        return sent < budget.MaxPerWindow;
    }

    internal static void ToOnCall(
        DbConnection connection,
        DbTransaction transaction,
        PersonalDataProtector protector,
        string number,
        string text,
        string key,
        DateTimeOffset now)
    {
        var staff = SqlContactStore.GetOrCreate(
            connection, transaction, protector, ChannelNames.Sms, number, now);
        SqlMessageStore.InsertOutbound(connection, transaction, protector, staff.Id, ChannelNames.Sms, null,
            new OutboundDraft(text, StaffAlertKind, "en", null, null, Priority: 30), key, now);
    }
}

public interface IAlertStore
{
    Task<IReadOnlyList<Alert>> OpenAsync(int limit, CancellationToken ct = default);
}
