namespace HealthBot.Data;

public sealed record StaffUser(long Id, string Email, string Role, string PasswordHash, int FailedLogins, DateTimeOffset? LockedUntil);

public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail);

/// <summary>Staff accounts and the audit trail of the workspace. Reads open their own connection; writes go through the single writer.</summary>
public sealed class SqlStaffStore(Database database, IDatabaseWriter writer, TimeProvider time)
{
    public Task<StaffUser?> FindAsync(string email)
    {
        using var connection = database.Open();
        using var reader = connection.Command("SELECT id, email, role, password_hash, failed_logins, locked_until FROM staff_users WHERE lower(email) = lower(@e)")
            .With("@e", email.Trim()).ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new StaffUser(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetNullableString(5)?.ToDateTimeOffset())
            : null);
    }

    public Task<IReadOnlyList<StaffUser>> ListAsync()
    {
        using var connection = database.Open();
        using var reader = connection.Command("SELECT id, email, role, '', failed_logins, locked_until FROM staff_users ORDER BY email").ExecuteReader();
        var list = new List<StaffUser>();
        while (reader.Read())
        {
            list.Add(new StaffUser(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), "", reader.GetInt32(4),
                reader.GetNullableString(5)?.ToDateTimeOffset()));
        }

        return Task.FromResult<IReadOnlyList<StaffUser>>(list);
    }

    /// <summary>Creates the account, or replaces the role and password of an existing one.</summary>
    public Task UpsertAsync(string email, string role, string passwordHash) => writer.WriteAsync((c, t) => c.Command(
            """
            INSERT INTO staff_users (email, role, password_hash, created_at) VALUES (@e, @r, @h, @now)
            ON CONFLICT (email) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, failed_logins = 0, locked_until = NULL
            """, t)
        .With("@e", email.Trim()).With("@r", role).With("@h", passwordHash).With("@now", time.GetUtcNow().ToDb()).ExecuteNonQuery());

    public Task RecordFailureAsync(long id, int failedLogins, DateTimeOffset? lockedUntil) => writer.WriteAsync((c, t) =>
        c.Command("UPDATE staff_users SET failed_logins = @f, locked_until = @l WHERE id = @id", t)
            .With("@f", failedLogins).With("@l", lockedUntil?.ToDb()).With("@id", id).ExecuteNonQuery());

    public Task RecordSuccessAsync(long id, string? rehashed) => writer.WriteAsync((c, t) =>
        c.Command("UPDATE staff_users SET failed_logins = 0, locked_until = NULL, password_hash = COALESCE(@h, password_hash) WHERE id = @id", t)
            .With("@h", rehashed).With("@id", id).ExecuteNonQuery());

    public Task AuditAsync(string actor, string action, string? target, string? detail = null) => writer.WriteAsync((c, t) =>
        c.Command("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@at, @a, @x, @t, @d)", t)
            .With("@at", time.GetUtcNow().ToDb()).With("@a", actor).With("@x", action).With("@t", target).With("@d", detail).ExecuteNonQuery());

    public Task<IReadOnlyList<AuditEntry>> RecentAuditAsync(int limit)
    {
        using var connection = database.Open();
        using var reader = connection.Command("SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT @l").With("@l", limit).ExecuteReader();
        var list = new List<AuditEntry>();
        while (reader.Read())
        {
            list.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1).ToDateTimeOffset(), reader.GetString(2), reader.GetString(3),
                reader.GetNullableString(4), reader.GetNullableString(5)));
        }

        return Task.FromResult<IReadOnlyList<AuditEntry>>(list);
    }
}
