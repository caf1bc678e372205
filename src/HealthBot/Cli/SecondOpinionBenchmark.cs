using System.Diagnostics;
using System.Globalization;
using HealthBot.Content;
using HealthBot.Dialog;
using HealthBot.Safety;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot bench second-opinion</c>: how long the second opinion takes to train and to score a message, and a
/// 5-fold cross-validation on its own training examples (folds by row order) that shows, per threshold, the
/// classifier's recall and false alarms and those of the rules with it. The default threshold is chosen here, never
/// on the held-out evaluation sets.
/// </summary>
public static class SecondOpinionBenchmark
{
    private const int Folds = 5;
    private static readonly double[] Thresholds = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97];

    public static int Run(string content)
    {
        var examples = TriageExamples.Load(content);
        if (examples.Count == 0)
        {
            var folder = Path.Combine(content, TriageExamples.Folder);
            Console.Error.WriteLine($"healthbot bench second-opinion: no examples in {folder}");
            return 1;
        }

        // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        const int trainings = 5;
        SecondOpinionModel model = null!;
        for (var i = 0; i < trainings; i++)
        {
            model = SecondOpinionModel.Train(examples);
        }

        Print($"stage=train rows={examples.Count} ",
            $"wall_ms_per_training={clock.Elapsed.TotalMilliseconds / trainings:0.0} ",
            $"cpu_ms_per_training={(Cpu() - cpu).TotalMilliseconds / trainings:0.0}");
        cpu = Cpu();
        clock.Restart();
        const int scores = 20000;
        for (var i = 0; i < scores; i++)
        {
            var e = examples[i % examples.Count];
            model.Score(e.Text, e.Language);
        }

        Print($"stage=score n={scores} wall_ms_per_msg={clock.Elapsed.TotalMilliseconds / scores:0.000} ",
            $"cpu_ms_per_msg={(Cpu() - cpu).TotalMilliseconds / scores:0.000}");
        CrossValidate(content, examples);
        return 0;
    }

    private static void CrossValidate(string content, IReadOnlyList<TriageExample> examples)
    {
        using var catalog = new ContentCatalog(Options.Create(new ContentOptions { Directory = content }),
            TimeProvider.System, NullLogger<ContentCatalog>.Instance);
        catalog.Reload();
        var rules = new RuleTriage(catalog);
        var scored = new (TriageExample Row, bool Rules, double Score)[examples.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var model = SecondOpinionModel.Train(examples.Where((_, i) => i % Folds != fold).ToList());
            for (var i = fold; i < examples.Count; i += Folds)
            {
                var row = examples[i];
                var said = rules.Assess(TextNormalizer.Normalize(row.Text), row.Language).Urgent;
                scored[i] = (row, said, model.Score(row.Text, row.Language));
            }
        }

        var urgent = scored.Where(s => s.Row.Urgent).ToList();
        var calm = scored.Where(s => !s.Row.Urgent).ToList();
        Print($"cv folds={Folds} urgent={urgent.Count} calm={calm.Count} ",
              $"rules_recall={Share(urgent, s => s.Rules):0.000} ",
              $"rules_false_alarms={Share(calm, s => s.Rules):0.000}");
        foreach (var t in Thresholds)
        {
            Print($"cv threshold={t:0.00} model_recall={Share(urgent, s => s.Score >= t):0.000} ",
                  $"model_false_alarms={Share(calm, s => s.Score >= t):0.000} ",
                  $"alerted_recall={Share(urgent, s => s.Rules || s.Score >= t):0.000} ",
                  $"alerted_false_alarms={Share(calm, s => s.Rules || s.Score >= t):0.000}");
        }
    }

    private static double Share<T>(IReadOnlyList<T> rows, Func<T, bool> ok) =>
        rows.Count == 0 ? 0 : (double)rows.Count(ok) / rows.Count;

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static void Print(params FormattableString[] parts) =>
        Console.Out.WriteLine(
            "BENCH second-opinion " + string.Concat(parts.Select(p => p.ToString(CultureInfo.InvariantCulture))));
}
