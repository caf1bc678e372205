using HealthBot.Content;
using HealthBot.Evaluation;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot eval FILE.tsv</c>: runs every row through the full pipeline on a private, temporary database.
/// </summary>
public static class EvalCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine("usage: healthbot eval FILE.tsv [--all] [--model PATH]");
            return 2;
        }

        IReadOnlyList<EvalRow> rows;
        try
        {
            rows = EvalSet.Read(args[0]);
        }
        catch (EvalFormatException ex)
        {
            Console.Error.WriteLine($"healthbot eval: {ex.Message}");
            return 2;
        }

        var data = Path.Combine(Path.GetTempPath(), "healthbot-eval", Guid.NewGuid().ToString("N"));
        try
        {
            // --model PATH runs the local model (required: a bad file stops the run) and reports how often it was used.
            var model = HealthBot.Llm.EvalModelOption.HostArguments(args[1..], out var rest);
            using var host = CommandHost.Build(
                [.. rest.Where(a => a != "--all"), .. model, $"--Storage:DataDirectory={data}"],
                s => s.AddSingleton<EvalRunner>());
            if (host is null)
            {
                return 1;
            }

            host.Services.LoadContent(watch: false);
            var runner = host.Services.GetRequiredService<EvalRunner>();
            var results = await runner.RunAsync(rows, done => Progress(done, rows.Count), CancellationToken.None);
            Console.Error.WriteLine();
            EvalReport.Write(Console.Out, results, everyRow: args.Contains("--all"));
            if (model.Length > 0)
            {
                Console.Out.WriteLine(HealthBot.Llm.EvalModelOption.SummaryLine(results));
            }
            return 0;
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static void Progress(int done, int total)
    {
        if (done % 10 == 0 || done == total)
        {
            Console.Error.Write($"\r{done}/{Plural.Of(total, "row")}");
        }
    }
}
