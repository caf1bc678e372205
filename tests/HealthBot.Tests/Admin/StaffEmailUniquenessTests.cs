using System.Data.Common;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// One staff account per e-mail address whatever its letter case, held by the database itself on both SQLite and
/// PostgreSQL: PostgreSQL's parallel writers (or two nodes) could otherwise both pass the store's own check.
/// </summary>
public sealed class StaffEmailUniquenessTests
{
    [Fact]
    public Task Sqlite_refuses_a_second_account_differing_only_by_case() => RefusesSecondAccount(Sqlite());

    [PostgresFact]
    public Task Postgres_refuses_a_second_account_differing_only_by_case() => RefusesSecondAccount(Postgres());

    [Fact]
    public Task Sqlite_creates_one_account_when_both_cases_are_created_at_once() => OneOfMany(Sqlite());

    [PostgresFact]
    public Task Postgres_creates_one_account_when_both_cases_are_created_at_once() => OneOfMany(Postgres());

    private static async Task RefusesSecondAccount(HealthBotFactory factory)
    {
        await using (factory)
        {
            Assert.True(await factory.Service<SqlStaffStore>().CreateAsync("ada@example.org", "admin", "h", "s"));

            // Past the store's check, straight to the table, as a second writer that checked at the same moment would.
            using var connection = factory.Service<Database>().Open();
            Assert.ThrowsAny<DbException>(() => connection.Command(
                    "INSERT INTO staff_users (email, role, password_hash, created_at) VALUES (@e, 'viewer', 'h', @t)")
                .With("@e", "Ada@EXAMPLE.org").With("@t", DateTimeOffset.UtcNow).ExecuteNonQuery());
            Assert.Single(await factory.Service<SqlStaffStore>().ListAsync());
        }
    }

    private static async Task OneOfMany(HealthBotFactory factory)
    {
        await using (factory)
        {
            var staff = factory.Service<SqlStaffStore>();
            var addresses = Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? "grace@example.org" : "Grace@Example.ORG");

            var created = await Task.WhenAll(
                addresses.Select(a => Task.Run(() => staff.CreateAsync(a, "viewer", "h", "s"))));

            Assert.Single(created, c => c);
            Assert.Single(await staff.ListAsync());
        }
    }

    private static HealthBotFactory Sqlite() =>
        new(settings: new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite" });

    private static HealthBotFactory Postgres() => new(settings: new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "postgres",
        ["Storage:PostgresConnection"] = TestPostgres.CreateDatabase(),
    });
}
