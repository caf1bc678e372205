using System.Data.Common;
using HealthBot.Data;

namespace HealthBot.Admin;

public sealed record StaffUser(
    long Id, string Email, string Role, string PasswordHash, int FailedLogins, DateTimeOffset? LockedUntil, string SecurityStamp, bool Disabled);

public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail);

/// <summary>Staff accounts and the audit trail of the workspace. Reads open their own connection; writes go through the single writer.</summary>
public sealed class SqlStaffStore(Database database, IDatabaseWriter writer, TimeProvider time)
{
    private const string Columns = "id, email, role, password_hash, failed_logins, locked_until, security_stamp, disabled";

    public Task<StaffUser?> FindAsync(string email)
    {
        using var connection = database.Open();
        using var reader = connection.Command($"SELECT {Columns} FROM staff_users WHERE lower(email) = lower(@e)")
            .With("@e", email.Trim()).ExecuteReader();
        return Task.FromResult(reader.Read() ? Read(reader) : null);
    }

    public Task<IReadOnlyList<StaffUser>> ListAsync()
    {
        using var connection = database.Open();
        using var reader = connection.Command($"SELECT {Columns} FROM staff_users ORDER BY email").ExecuteReader();
        var list = new List<StaffUser>();
        while (reader.Read())
        {
            list.Add(Read(reader) with { PasswordHash = "" });
        }

        return Task.FromResult<IReadOnlyList<StaffUser>>(list);
    }

    /// <summary>Creates the account; false when the address (in any letter case) already has one, which is left as it is.</summary>
    /// <remarks>
    /// The database refuses the second address (SQLite: UNIQUE COLLATE NOCASE; PostgreSQL: a unique index on lower()),
    /// so two creations at once on PostgreSQL's parallel writers, or on two nodes, cannot both insert.
    /// </remarks>
    public Task<bool> CreateAsync(string email, string role, string passwordHash, string stamp) =>
        writer.WriteAsync((c, t) => c.Command(
                "INSERT INTO staff_users (email, role, password_hash, security_stamp, created_at) " +
                "VALUES (@e, @r, @h, @s, @now) ON CONFLICT DO NOTHING", t)
            .With("@e", email.Trim()).With("@r", role).With("@h", passwordHash).With("@s", stamp)
            .With("@now", time.GetUtcNow()).ExecuteNonQuery() == 1);

    /// <summary>A new password also clears the lockout; every change of an account gets a new stamp, ending its sessions.</summary>
    public Task<bool> SetPasswordAsync(long id, string passwordHash, string stamp) => Update(id, stamp,
        "password_hash = @v, failed_logins = 0, locked_until = NULL", passwordHash);

    public Task<bool> SetRoleAsync(long id, string role, string stamp) => Update(id, stamp, "role = @v", role);

    public Task<bool> SetDisabledAsync(long id, bool disabled, string stamp) => Update(id, stamp, "disabled = @v", disabled);

    /// <summary>Sign-out: every cookie issued so far stops working.</summary>
    public Task<bool> RotateStampAsync(long id, string stamp) => Update(id, stamp, "failed_logins = failed_logins", null);

    /// <summary>
    /// Counts a sign-in attempt before its password is checked, in one statement, so parallel guesses each get their own
    /// number (a read followed by a write of read+1 let 60 parallel guesses through). A lock that has run out starts
    /// the count again. Returns this attempt's number since the last success.
    /// </summary>
    public Task<long> CountAttemptAsync(long id) => writer.WriteAsync((c, t) => c.Command(
            """
            UPDATE staff_users SET
                failed_logins = CASE WHEN locked_until <= @now THEN 1 ELSE failed_logins + 1 END,
                locked_until = CASE WHEN locked_until <= @now THEN NULL ELSE locked_until END
            WHERE id = @id RETURNING failed_logins
            """, t)
        .With("@now", time.GetUtcNow()).With("@id", id).ScalarLong());

    /// <summary>
    /// The same count for an address without an account (by the hash of the address), within <paramref name="window"/>:
    /// an unknown address then costs the same writes as a known one and is "locked" alike.
    /// </summary>
    public Task<long> CountUnknownAttemptAsync(string emailHash, TimeSpan window) => writer.WriteAsync((c, t) =>
    {
        var now = time.GetUtcNow();
        var expired = (now - window);
        c.Command("DELETE FROM login_failures WHERE updated_at <= @x", t).With("@x", expired).ExecuteNonQuery();
        return c.Command(
                """
                INSERT INTO login_failures (email_hash, failed_logins, updated_at) VALUES (@k, 1, @now)
                ON CONFLICT (email_hash) DO UPDATE SET failed_logins = login_failures.failed_logins + 1, updated_at = @now
                RETURNING failed_logins
                """, t)
            .With("@k", emailHash).With("@now", now).ScalarLong();
    });

    public Task LockAsync(long id, DateTimeOffset until) => writer.WriteAsync((c, t) =>
        c.Command("UPDATE staff_users SET locked_until = @l WHERE id = @id", t).With("@l", until)
            .With("@id", id).ExecuteNonQuery());

    /// <summary>Clears the failure count; returns the account's stamp, giving one to an account from before stamps.</summary>
    public Task<string> RecordSuccessAsync(long id, string? rehashed, string newStamp) => writer.WriteAsync((c, t) => (string)c.Command(
            """
            UPDATE staff_users SET failed_logins = 0, locked_until = NULL, password_hash = COALESCE(@h, password_hash),
                security_stamp = CASE WHEN security_stamp = '' THEN @s ELSE security_stamp END
            WHERE id = @id RETURNING security_stamp
            """, t)
        .With("@h", rehashed).With("@s", newStamp).With("@id", id).ExecuteScalar()!);

    public Task AuditAsync(string actor, string action, string? target, string? detail = null) => writer.WriteAsync((c, t) =>
        c.Command("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@at, @a, @x, @t, @d)", t)
            .With("@at", time.GetUtcNow()).With("@a", actor).With("@x", action).With("@t", target)
            .With("@d", detail).ExecuteNonQuery());

    public Task<AuditEntry?> AuditEntryAsync(long id)
    {
        using var connection = database.Open();
        using var reader = connection
            .Command("SELECT id, at, actor, action, target, detail FROM audit_log WHERE id = @id")
            .With("@id", id).ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new AuditEntry(reader.GetInt64(0), reader.GetTime(1), reader.GetString(2),
                reader.GetString(3), reader.GetNullableString(4), reader.GetNullableString(5))
            : null);
    }

    public Task<IReadOnlyList<AuditEntry>> RecentAuditAsync(int limit)
    {
        using var connection = database.Open();
        using var reader = connection.Command("SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT @l").With("@l", limit).ExecuteReader();
        var list = new List<AuditEntry>();
        while (reader.Read())
        {
            list.Add(new AuditEntry(reader.GetInt64(0), reader.GetTime(1), reader.GetString(2), reader.GetString(3),
                reader.GetNullableString(4), reader.GetNullableString(5)));
        }

        return Task.FromResult<IReadOnlyList<AuditEntry>>(list);
    }

    private Task<bool> Update(long id, string stamp, string set, object? value) => writer.WriteAsync((c, t) =>
    {
        var command = c.Command($"UPDATE staff_users SET {set}, security_stamp = @s WHERE id = @id", t).With("@s", stamp).With("@id", id);
        return (set.Contains("@v", StringComparison.Ordinal) ? command.With("@v", value) : command).ExecuteNonQuery() == 1;
    });

    private static StaffUser Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), (int)Long(r, 4), r.GetNullableTime(5),
        r.GetString(6), Long(r, 7) != 0);

    // INTEGER on SQLite, BIGINT on PostgreSQL.
    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
