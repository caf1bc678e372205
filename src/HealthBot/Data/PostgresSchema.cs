using System.Data.Common;

namespace HealthBot.Data;

/// <summary>What the migrator does only on PostgreSQL (whose migrations are in Data/Migrations/Postgres).</summary>
public static class PostgresSchema
{
    /// <summary>
    /// Takes the migration lock for the rest of <paramref name="transaction"/>. A transaction-level lock, because a
    /// session-level one does not survive a pooler in transaction mode (PgBouncer): the lock stays on whichever
    /// server connection took it, the unlock may run on another, and two nodes starting together both migrated
    /// ("23505 duplicate key … pg_type_typname_nsp_index" as both created the same tables).
    /// </summary>
    public static void LockForMigration(DbConnection connection, DbTransaction transaction) =>
        connection.Command($"SELECT pg_advisory_xact_lock({(int)LockScope.Migration}, 0)", transaction).ExecuteScalar();

    /// <summary>
    /// The migrator's own table was created with a text applied_at before PostgreSQL had its own migrations; it is
    /// written with each migration applied, so it is converted before any (migration 0029 converts the rest).
    /// </summary>
    public static void ConvertMigrationTimes(DbConnection connection, DbTransaction transaction)
    {
        var type = connection.Command(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() " +
                "AND table_name = 'schema_migrations' AND column_name = 'applied_at'", transaction)
            .ExecuteScalar() as string;
        if (type == "text")
        {
            connection.Command(
                    "ALTER TABLE schema_migrations ALTER COLUMN applied_at TYPE timestamptz " +
                    "USING applied_at::timestamptz",
                    transaction)
                .ExecuteNonQuery();
        }
    }
}
