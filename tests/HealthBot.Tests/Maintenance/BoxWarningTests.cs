using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Maintenance;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// The person on site hears about the box before it costs messages: every workspace page says when the clock holds
/// campaigns, when the disk is filling up, and when the backup failed or stopped, in the workspace's language.
/// </summary>
public sealed class BoxWarningTests : IAsyncLifetime
{
    // The small box: disk and backup warnings are about SQLite's files (PostgreSQL has its own tools).
    private HealthBotFactory factory = new(settings: Sqlite());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_healthy_box_shows_no_warning()
    {
        // Whatever the CI machine's disk holds, this box counts as having room.
        factory = new HealthBotFactory(settings: Sqlite(("Storage:WarnFreeMegabytes", "0")));
        var page = await (await factory.SignedInAsync(StaffRoles.Editor)).GetStringAsync("/admin");

        Assert.DoesNotContain("data-testid=\"box-", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disk_below_the_warning_level_is_announced_before_messages_are_refused()
    {
        factory = new HealthBotFactory(settings: Sqlite(("Storage:WarnFreeMegabytes", "1000000")));

        var page = await (await factory.SignedInAsync(StaffRoles.Responder)).GetStringAsync("/admin/inbox");

        Assert.Contains("data-testid=\"box-disk\"", page, StringComparison.Ordinal);
        Assert.Contains("The data disk is almost full", page, StringComparison.Ordinal);
        Assert.Contains("messages are refused below 50 MB", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clock_behind_the_stored_messages_and_a_failed_backup_are_on_every_page_in_its_language()
    {
        var storedAt = DateTimeOffset.UtcNow.AddDays(1);
        await factory.Service<IDatabaseWriter>().WriteAsync((connection, transaction) => connection.Command(
                "INSERT INTO contacts (channel, address, created_at, updated_at) VALUES ('sms', 'x', @t, @t)", transaction)
            .With("@t", storedAt).ExecuteNonQuery());
        await factory.Service<IDatabaseWriter>().WriteAsync((connection, transaction) => connection.Command(
                "INSERT INTO messages (contact_id, direction, channel, body, status, created_at, updated_at) " +
                "VALUES ((SELECT MAX(id) FROM contacts), 'in', 'sms', 'hello', 'answered', @t, @t)", transaction)
            .With("@t", storedAt).ExecuteNonQuery());
        factory.Service<BackupStatusFile>().Write(
            new BackupStatus(DateTimeOffset.UtcNow, false, "/media/usb/backups", "No space left on device"));
        var client = await factory.SignedInAsync(StaffRoles.Editor);
        await client.GetAsync("/admin/language/sw");

        var page = await client.GetStringAsync("/admin/content");

        Assert.Contains("data-testid=\"box-clock\"", page, StringComparison.Ordinal);
        Assert.Contains(UiText.Get("sw", "Campaign messages are held: the clock is wrong."), page,
            StringComparison.Ordinal);
        Assert.Contains("data-testid=\"box-backup\"", page, StringComparison.Ordinal);
        Assert.Contains(UiText.Get("sw", "The last backup failed."), page, StringComparison.Ordinal);
        Assert.Contains("No space left on device", page, StringComparison.Ordinal);

        var jobs = await client.GetStringAsync("/admin/jobs"); // Hangfire's dashboard, wrapped
        Assert.Contains("data-testid=\"box-clock\"", jobs, StringComparison.Ordinal);
        Assert.Contains(UiText.Get("sw", "The last backup failed."), jobs, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Sqlite(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
