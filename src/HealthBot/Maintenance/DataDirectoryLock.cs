using HealthBot.Data;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>
/// An exclusive lock file in the data directory, held by <c>serve</c> for its lifetime, so that <c>healthbot
/// restore</c> can tell a running service from a stopped one (on Linux .NET takes it with flock, which the kernel
/// releases when the process dies, also after kill -9 or a power cut).
/// </summary>
public sealed class DataDirectoryLock(IOptions<StorageOptions> storage, ILogger<DataDirectoryLock> logger)
    : IHostedService, IDisposable
{
    private FileStream? held;

    public string Path => System.IO.Path.Combine(storage.Value.DataDirectory, "healthbot.lock");

    /// <summary>The lock, or null when another process holds it.</summary>
    public static FileStream? TryTake(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        held = TryTake(Path);
        if (held is null)
        {
            // Not fatal: nodes may share a folder by design (PostgreSQL) and restore refuses either way.
            logger.LogWarning("Another HealthBot process holds {Lock}", Path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => held?.Dispose();
}
