using Hangfire;
using Hangfire.Storage;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Maintenance;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Maintenance;

/// <summary>
/// The daily backup is a Hangfire recurring job of <c>serve</c>; its outcome reaches /readyz and the workspace.
/// </summary>
public sealed class DailyBackupTests : IDisposable
{
    private readonly HealthBotFactory factory = new(settings: new Dictionary<string, string?>
    {
        ["Campaigns:RunJobs"] = "true",
    });

    public void Dispose()
    {
        factory.Dispose();
        if (Directory.Exists(factory.DataDirectory))
        {
            Directory.Delete(factory.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task The_daily_job_backs_up_both_databases_and_staff_see_its_outcome()
    {
        var staff = await factory.SignedInAsync(StaffRoles.Viewer);
        Assert.Contains("no backup yet", await staff.GetStringAsync("/admin"), StringComparison.Ordinal);

        using (var connection = factory.Service<JobStorage>().GetConnection())
        {
            var scheduled = connection.GetRecurringJobs().Any(j => j.Id == BackupService.DailyJobId);
            // On PostgreSQL the backups are pg_dump's: no SQLite backup job.
            Assert.Equal(!factory.Service<IOptions<StorageOptions>>().Value.IsPostgres, scheduled);
            if (!scheduled)
            {
                return;
            }
        }

        factory.Service<IRecurringJobManager>().Trigger(BackupService.DailyJobId);
        var status = factory.Service<BackupStatusFile>();
        var done = await Eventually.WaitForAsync(status.Read, s => s is not null, "the daily backup", 60_000);

        Assert.True(done!.Ok, done.Detail);
        Assert.Equal(
            ["hangfire.db", "healthbot.db"],
            Directory.GetFiles(done.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith(Path.Combine(factory.DataDirectory, "backups"), done.Folder, StringComparison.Ordinal);
        Assert.Contains($"in {done.Folder}", await staff.GetStringAsync("/admin"), StringComparison.Ordinal);
        var ready = await factory.CreateClient().GetStringAsync("/readyz");
        Assert.Contains("\"backup\":{\"ok\":true", ready, StringComparison.Ordinal);
    }
}
