using Hangfire;
using Hangfire.Common;
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
        ["Backup:Keep"] = "2",
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

    [Fact]
    public async Task After_the_clock_is_corrected_the_daily_backup_runs_from_the_right_time_again()
    {
        var jobs = factory.Service<JobStorage>();
        if (factory.Service<IOptions<StorageOptions>>().Value.IsPostgres)
        {
            return; // no SQLite backup job there
        }

        // What a clock ten days ahead leaves in Hangfire: the next run stored as a date ten days away.
        var wrong = DateTime.UtcNow.AddDays(10);
        using (var connection = jobs.GetConnection())
        using (var write = connection.CreateWriteTransaction())
        {
            write.SetRangeInHash("recurring-job:" + BackupService.DailyJobId,
                [new("NextExecution", JobHelper.SerializeDateTime(wrong))]);
            write.Commit();
        }

        Assert.True(NextBackup(jobs) > DateTime.UtcNow.AddDays(9));

        await factory.Service<ClockCorrection>().ApplyAsync();

        Assert.InRange(NextBackup(jobs), DateTime.UtcNow, DateTime.UtcNow.AddDays(1).AddMinutes(1));
    }

    [Fact]
    public async Task A_backup_dated_in_the_future_is_not_ok_and_never_pushes_real_backups_out()
    {
        if (factory.Service<IOptions<StorageOptions>>().Value.IsPostgres)
        {
            return; // backed up with pg_dump there
        }

        var root = factory.Service<BackupService>().DefaultDirectory;
        string[] real = ["healthbot-20200101T000000Z", "healthbot-20200102T000000Z"];
        string[] future = ["healthbot-20990101T000000Z", "healthbot-20990102T000000Z"];
        foreach (var name in real.Concat(future))
        {
            Directory.CreateDirectory(Path.Combine(root, name));
        }

        var taken = factory.Service<BackupService>().Run(null);

        Assert.True(Directory.Exists(taken.Folder));
        Assert.True(Directory.Exists(Path.Combine(root, real[1])), "the newest real backup before it was deleted");
        Assert.False(Directory.Exists(Path.Combine(root, real[0]))); // Backup:Keep is 2
        Assert.All(future, f => Assert.True(Directory.Exists(Path.Combine(root, f))));

        factory.Service<BackupStatusFile>().Write(
            new BackupStatus(DateTimeOffset.UtcNow.AddDays(10), true, Path.Combine(root, future[1]), "2 databases"));
        var ready = await factory.CreateClient().GetStringAsync("/readyz");
        Assert.Contains("\"backup\":{\"ok\":false", ready, StringComparison.Ordinal);
        Assert.Contains("after now: the clock was ahead", ready, StringComparison.Ordinal);
        var doctor = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<DataChecks>(factory.Services);
        Assert.False(doctor.LastBackup().Ok);
    }

    private static DateTime NextBackup(JobStorage jobs)
    {
        using var connection = jobs.GetConnection();
        return connection.GetRecurringJobs().Single(j => j.Id == BackupService.DailyJobId).NextExecution!.Value;
    }
}
