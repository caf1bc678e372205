using System.Data.Common;
using System.Globalization;
using HealthBot.Data;

namespace HealthBot.Safety;

/// <summary>
/// The one SMS that stands for the alerts held back by <see cref="AlertSmsBudget"/>: "N more urgent alerts, see the
/// inbox". It waits a little so one summary covers a burst, and goes out at most once per budget window.
/// </summary>
public sealed class SqlAlertSummaries(Database database, IDatabaseWriter writer, TimeProvider time)
{
    public const string SummaryKeyPrefix = "alert-summary:";

    /// <summary>Queues the summary SMS when it is due; returns how many held alerts it covers (0: none sent).</summary>
    public Task<int> SendDueAsync(IReadOnlyList<string> onCallNumbers, AlertSmsBudget budget, TimeSpan delay) =>
        onCallNumbers.Count == 0
            ? Task.FromResult(0)
            : writer.WriteAsync((connection, transaction) =>
                SendDue(connection, transaction, onCallNumbers, budget, delay, time.GetUtcNow()));

    private int SendDue(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<string> numbers,
        AlertSmsBudget budget,
        TimeSpan delay,
        DateTimeOffset now)
    {
        database.Dialect.Lock(connection, transaction, LockScope.AlertSms, 0);
        using var reader = connection
            .Command("SELECT COUNT(*), MIN(created_at), MAX(id) FROM alerts WHERE sms = 'held'", transaction)
            .ExecuteReader();
        reader.Read();
        var held = reader.GetInt32(0);
        if (held == 0 || reader.GetTime(1) > now - delay)
        {
            return 0;
        }

        var since = reader.GetTime(1);
        var lastId = reader.GetInt64(2);
        reader.Close();
        var summariesInWindow = connection
            .Command("SELECT COUNT(*) FROM outbox WHERE idempotency_key LIKE @p AND created_at >= @since", transaction)
            .With("@p", SummaryKeyPrefix + "%").With("@since", (now - budget.Window)).ScalarLong();
        if (summariesInWindow > 0)
        {
            return 0;
        }

        connection.Command("UPDATE alerts SET sms = 'summarized' WHERE sms = 'held' AND id <= @last", transaction)
            .With("@last", lastId).ExecuteNonQuery();
        var at = since.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var alerts = held == 1 ? "alert" : "alerts";
        var text = $"HealthBot: {held} more urgent {alerts} since {at} UTC, see the staff inbox.";
        foreach (var number in numbers)
        {
            var key = $"{SummaryKeyPrefix}{lastId}:{number}";
            SqlAlerts.ToOnCall(connection, transaction, database.Protector, number, text, key, now);
        }

        return held;
    }
}
