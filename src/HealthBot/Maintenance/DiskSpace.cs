using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>Free space on the file system that holds the data directory.</summary>
public sealed class DiskSpace(IOptions<StorageOptions> storage)
{
    public long FreeMegabytes()
    {
        var directory = Path.GetFullPath(storage.Value.DataDirectory);
        // The data directory may not exist yet: its nearest existing parent is on the same file system.
        while (!Directory.Exists(directory) && Path.GetDirectoryName(directory) is { } parent)
        {
            directory = parent;
        }

        return new DriveInfo(directory).AvailableFreeSpace / (1024 * 1024);
    }

    /// <summary>True when new messages should be refused rather than risk a write that cannot complete.</summary>
    public bool IsLow() => !storage.Value.IsPostgres && FreeMegabytes() < storage.Value.MinimumFreeMegabytes;
}
