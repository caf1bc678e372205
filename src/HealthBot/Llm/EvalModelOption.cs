using System.Globalization;
using HealthBot.Evaluation;

namespace HealthBot.Llm;

/// <summary><c>eval --model PATH</c>: the configuration that turns the model on, and the model-use line of the report.</summary>
public static class EvalModelOption
{
    /// <summary>Host arguments for <c>--model PATH</c> (none without it); <paramref name="rest"/> is the arguments without it.</summary>
    public static string[] HostArguments(string[] args, out string[] rest)
    {
        var i = Array.IndexOf(args, "--model");
        if (i < 0 || i + 1 >= args.Length)
        {
            rest = args;
            return [];
        }

        rest = [.. args[..i], .. args[(i + 2)..]];
        return [$"--Llm:ModelPath={Path.GetFullPath(args[i + 1])}", "--Llm:Optional=false"];
    }

    /// <summary>
    /// <c>MODEL answers=N model_used=R fallback=R reasons=a:n,b:m</c> over the rows that reached the phraser (answers,
    /// not urgent referrals, declines or keywords).
    /// </summary>
    public static string SummaryLine(IReadOnlyList<EvalResult> results)
    {
        var answers = results.Where(r => r.Route is "answer-model" or "answer-curated").ToList();
        var used = answers.Count(r => r.Route == "answer-model");
        var share = answers.Count == 0 ? 0 : (double)used / answers.Count;
        var reasons = answers.Where(r => r.FallbackReason is not null).GroupBy(r => r.FallbackReason!).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key}:{g.Count()}");
        return string.Create(CultureInfo.InvariantCulture,
            $"MODEL answers={answers.Count} model_used={share:0.000} fallback={1 - share:0.000} reasons={string.Join(',', reasons.DefaultIfEmpty("-"))}");
    }
}
