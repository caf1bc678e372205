using System.Diagnostics;
using System.Threading.Channels;

namespace HealthBot.Content;

/// <summary>
/// Records every library the <see cref="ContentCatalog"/> loads as published versions, so the version named on a
/// reply (content_id, content_version, language) can be looked up in content_versions. Recording runs in the
/// background, one library at a time, and does not delay start-up: the first import pays for JIT, SHA-256 and
/// JSON set-up (100-600 ms measured), while the rows are only read later, by people auditing replies.
/// </summary>
public sealed class ContentVersionRecorder(ContentCatalog catalog, ContentImporter importer, ILogger<ContentVersionRecorder> logger) : IHostedService
{
    private readonly Channel<ContentLibrary> libraries = Channel.CreateUnbounded<ContentLibrary>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock gate = new();
    private Task loop = Task.CompletedTask;
    private long queued;
    private long recorded;
    private TaskCompletionSource idle = Done();

    /// <summary>
    /// Completes when every library queued so far is recorded. The workflow waits for it before it publishes or looks
    /// up an old version, so a publish in the first seconds after start never lands before version 1 is recorded.
    /// </summary>
    public Task CaughtUp
    {
        get
        {
            lock (gate)
            {
                return idle.Task;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Content is loaded before hosted services start. Following queues the current library and every later one,
        // with no reload in between missed (recording the same library twice changes nothing).
        catalog.Follow(OnReloaded);
        loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Reloaded -= OnReloaded;
        libraries.Writer.TryComplete();
        await loop.WaitAsync(cancellationToken);
    }

    private void OnReloaded(ContentLibrary library) => Queue(library);

    private static TaskCompletionSource Done()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private void Queue(ContentLibrary library)
    {
        lock (gate)
        {
            if (!libraries.Writer.TryWrite(library))
            {
                return;
            }

            queued++;
            if (idle.Task.IsCompleted)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Recorded()
    {
        lock (gate)
        {
            recorded++;
            if (recorded == queued)
            {
                idle.TrySetResult();
            }
        }
    }

    private async Task RunAsync()
    {
        await foreach (var library in libraries.Reader.ReadAllAsync())
        {
            try
            {
                await RecordAsync(library);
            }
            finally
            {
                Recorded();
            }
        }
    }

    private async Task RecordAsync(ContentLibrary library)
    {
        if (library.Items.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await importer.ImportAsync(library);
            foreach (var error in result.Errors)
            {
                logger.LogWarning("Content version not recorded: {Error}", error.ToString());
            }

            logger.LogInformation("Content versions: {Summary} ({Milliseconds:0} ms)", result.Summary, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Recording is an audit trail; failing to write it must not stop the bot from answering.
            logger.LogError(ex, "Could not record content versions");
        }
    }
}
