using System.Diagnostics;
using System.Globalization;
using HealthBot.Channels.Twilio;
using HealthBot.Operability;
using HealthBot.Tests.Campaigns;
using HealthBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace HealthBot.Tests.Operability;

/// <summary>
/// The settings files reload when edited, but the server does not watch its content root, which holds the default
/// data/ folder: a watcher there woke on every SQLite write (12% of the CPU per message in bench webhooks).
/// </summary>
public sealed class SettingsWatchTests
{
    [Fact]
    public async Task A_running_server_has_no_file_watch_on_its_content_root_or_its_data_folder()
    {
        var root = Directory.CreateTempSubdirectory("healthbot-watch-").FullName;
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
            await File.WriteAllTextAsync(Path.Combine(root, "appsettings.json"), """{ "AllowedHosts": "*" }""");
            await using var peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
            var environment = ServerProcess.CampaignEnvironment(data, peer.BaseUrl, smsPerSecond: 100);
            using var server = await ServerProcess.StartAsync(environment, workingDirectory: root);

            var watched = WatchedInodes(server.Id);
            Assert.DoesNotContain(Inode(root), watched);
            Assert.DoesNotContain(Inode(data), watched);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task An_edited_settings_file_is_read_again_without_a_restart()
    {
        var root = Directory.CreateTempSubdirectory("healthbot-settings-").FullName;
        try
        {
            var file = Path.Combine(root, "appsettings.json");
            await File.WriteAllTextAsync(file, """{ "Probe": "before" }""");
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = SettingsFiles.WithoutDefaultWatch([]),
                ContentRootPath = root,
            }).UseHealthBotDefaults();
            Assert.Equal("before", builder.Configuration["Probe"]);

            await Task.Delay(1100); // a new modification time, even on file systems with one-second resolution
            await File.WriteAllTextAsync(file, """{ "Probe": "after" }""");
            await Eventually.WaitForAsync(
                () => builder.Configuration["Probe"], v => v == "after", "the edited setting");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The inodes of everything the process watches with inotify (Linux: /proc/PID/fdinfo).</summary>
    private static HashSet<long> WatchedInodes(int pid)
    {
        var inodes = new HashSet<long>();
        foreach (var info in Directory.EnumerateFiles($"/proc/{pid}/fdinfo"))
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(info);
            }
            catch (IOException)
            {
                continue; // the descriptor was closed meanwhile
            }

            foreach (var line in lines.Where(l => l.StartsWith("inotify wd:", StringComparison.Ordinal)))
            {
                var ino = line.Split(' ').First(part => part.StartsWith("ino:", StringComparison.Ordinal))[4..];
                inodes.Add(long.Parse(ino, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return inodes;
    }

    private static long Inode(string path)
    {
        var start = new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true };
        using var stat = Process.Start(start)!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
