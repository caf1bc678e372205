using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace HealthBot.Operability;

/// <summary>
/// The settings files (appsettings*.json) reload when edited, but without watching the whole content root.
/// The host's defaults watch them through a FileSystemWatcher on the content root with subdirectories
/// (PhysicalFilesWatcher sets IncludeSubdirectories), and the content root holds the default <c>data/</c> folder:
/// every SQLite write woke the watcher (12% of the CPU per message in <c>bench webhooks</c>). Instead the defaults
/// are told not to watch (<see cref="NoDefaultWatch"/> on the host's command line, read before the files are added)
/// and the same files are polled by name every 4 s, which costs a stat of each file and never sees data/.
/// </summary>
public static class SettingsFiles
{
    /// <summary>The host setting that keeps the default JSON sources from watching.</summary>
    public const string NoDefaultWatch = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary>The host's arguments with <see cref="NoDefaultWatch"/> added (last, so it wins).</summary>
    public static string[] WithoutDefaultWatch(string[] args) => [.. args, NoDefaultWatch];

    /// <summary>Replaces each non-reloading JSON settings source with one that polls its own file.</summary>
    public static void PollForChanges(IConfigurationBuilder configuration)
    {
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource
                {
                    ReloadOnChange: false, FileProvider: PhysicalFileProvider files, Path: { } path,
                } json)
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = true,
                    ReloadDelay = json.ReloadDelay,
                    OnLoadException = json.OnLoadException,
                    // Polling watches exactly the named file; no FileSystemWatcher is created.
                    FileProvider = new PhysicalFileProvider(files.Root)
                    {
                        UsePollingFileWatcher = true,
                        UseActivePolling = true,
                    },
                };
            }
        }
    }
}
