using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Evaluation;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin;

/// <summary>
/// Runs the eval for drafts in the background, never on a request thread: one run at a time on this node, one per
/// draft, and a newer save of the same draft cancels and replaces the older run. Results live in memory, per draft
/// revision; a page on another node starts its own run when it has none.
/// </summary>
public sealed class DraftImpacts(
    ContentCatalog catalog, IConfiguration settings, IOptions<AdminOptions> options, ILogger<DraftImpacts> logger)
    : IDisposable
{
    /// <summary>Drafts whose result is kept; the oldest finished ones go first.</summary>
    private const int Kept = 100;

    private readonly SemaphoreSlim one = new(1, 1);
    private readonly Lock gate = new();
    private readonly Dictionary<long, (DraftImpact Impact, CancellationTokenSource Cancel)> runs = [];

    /// <summary>The draft's impact: the result for its revision, or a run started now (shown as running).</summary>
    public DraftImpact For(ContentEdit edit)
    {
        var revision = ContentWorkflow.Revision(edit);
        lock (gate)
        {
            if (runs.TryGetValue(edit.Id, out var run))
            {
                if (run.Impact.Revision == revision)
                {
                    return run.Impact;
                }

                run.Cancel.Cancel(); // a newer save replaces the older run
            }

            var path = options.Value.EvalSet;
            var impact = path.Length == 0
                ? DraftImpact.Failed(revision, "No test questions are configured (Admin:EvalSet).")
                : DraftImpact.Pending(revision);
            var cancel = new CancellationTokenSource();
            runs[edit.Id] = (impact, cancel);
            Trim();
            if (impact.Running)
            {
                _ = Task.Run(() => RunAsync(edit, revision, Path.GetFullPath(path), cancel.Token));
            }

            return impact;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var run in runs.Values)
            {
                run.Cancel.Cancel();
            }
        }
    }

    private async Task RunAsync(ContentEdit edit, string revision, string path, CancellationToken ct)
    {
        DraftImpact done;
        try
        {
            await one.WaitAsync(ct);
            try
            {
                var rows = EvalSet.Read(path);
                var published = catalog.Current;
                var (before, after) = await PrivateEval.CompareAsync(
                    settings, published, DraftLibrary.With(published, edit), rows, ct);
                done = DraftImpact.From(revision, before, after);
            }
            finally
            {
                one.Release();
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (EvalFormatException ex)
        {
            done = DraftImpact.Failed(revision, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "The test questions could not be run for edit {EditId}", edit.Id);
            done = DraftImpact.Failed(revision, "The test questions could not be run; the service log says why.");
        }

        lock (gate)
        {
            if (runs.TryGetValue(edit.Id, out var run) && run.Impact.Revision == revision)
            {
                runs[edit.Id] = (done, run.Cancel);
            }
        }
    }

    private void Trim()
    {
        foreach (var id in runs.Where(r => !r.Value.Impact.Running).Select(r => r.Key).Order().SkipLast(Kept).ToList())
        {
            runs.Remove(id);
        }
    }
}
