using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace HealthBot.Llm;

/// <summary>
/// How answers were phrased: by the model (checked) or by the curated fallback and why, plus generation figures.
/// Published as System.Diagnostics.Metrics instruments (meter "HealthBot.Llm", readable with dotnet-counters) and
/// kept as totals for <c>eval</c> and the benchmark. No message text is ever recorded.
/// </summary>
public sealed class LlmMetrics : IDisposable
{
    public const string MeterName = "HealthBot.Llm";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> answers;
    private readonly Histogram<double> generationMs;
    private readonly Histogram<long> promptTokens;
    private readonly ConcurrentDictionary<string, long> fallbacks = new(StringComparer.Ordinal);
    private long modelUsed;

    public LlmMetrics()
    {
        answers = meter.CreateCounter<long>("healthbot.llm.answers", description: "Answers phrased, by outcome (model or fallback) and fallback reason");
        generationMs = meter.CreateHistogram<double>("healthbot.llm.generation.duration", "ms", "Time from prompt to last token");
        promptTokens = meter.CreateHistogram<long>("healthbot.llm.prompt.tokens", "tokens", "Prompt tokens per answer");
    }

    /// <summary>Raised after every generation (benchmark and tests); never carries text.</summary>
    public event Action<Generation>? Generated;

    public long ModelUsed => Interlocked.Read(ref modelUsed);

    public IReadOnlyDictionary<string, long> Fallbacks => new Dictionary<string, long>(fallbacks, StringComparer.Ordinal);

    public void RecordModelAnswer()
    {
        Interlocked.Increment(ref modelUsed);
        answers.Add(1, new KeyValuePair<string, object?>("outcome", "model"));
    }

    public void RecordFallback(string reason)
    {
        fallbacks.AddOrUpdate(reason, 1, (_, n) => n + 1);
        answers.Add(1, new KeyValuePair<string, object?>("outcome", "fallback"), new KeyValuePair<string, object?>("reason", reason));
    }

    public void RecordGeneration(Generation generation)
    {
        generationMs.Record(generation.Elapsed.TotalMilliseconds);
        promptTokens.Record(generation.PromptTokens);
        Generated?.Invoke(generation);
    }

    public void Dispose() => meter.Dispose();
}
