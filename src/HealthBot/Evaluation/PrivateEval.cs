using HealthBot.Cli;
using HealthBot.Content;

namespace HealthBot.Evaluation;

/// <summary>
/// The evaluation <c>healthbot eval</c> runs (<see cref="EvalRunner"/>, the full pipeline), run inside the service on
/// a private temporary SQLite database with the given content instead of the catalog's, so the staff workspace can ask
/// what a draft would change. The local model is off: topics and urgency do not depend on it.
/// </summary>
public static class PrivateEval
{
    public static async Task<(IReadOnlyList<EvalResult> Before, IReadOnlyList<EvalResult> After)> CompareAsync(
        IConfiguration settings, ContentLibrary before, ContentLibrary after, IReadOnlyList<EvalRow> rows,
        CancellationToken ct)
    {
        var data = Path.Combine(Path.GetTempPath(), "healthbot-draft-eval", Guid.NewGuid().ToString("N"));
        try
        {
            string[] args =
            [
                "--Storage:Provider=sqlite", $"--Storage:DataDirectory={data}", "--Llm:ModelPath=",
                "--Content:WatchForChanges=false", "--Campaigns:RunJobs=false",
            ];
            using var host = CommandHost.Build(args, s => s.AddSingleton<EvalRunner>(), settings)
                ?? throw new InvalidOperationException("the evaluation could not start its private database");
            var catalog = host.Services.GetRequiredService<ContentCatalog>();
            var runner = host.Services.GetRequiredService<EvalRunner>();
            catalog.Set(before);
            var was = await runner.RunAsync(rows, null, ct);
            catalog.Set(after);
            return (was, await runner.RunAsync(rows, null, ct));
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
