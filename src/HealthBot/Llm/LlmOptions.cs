using System.ComponentModel.DataAnnotations;

namespace HealthBot.Llm;

/// <summary>
/// The optional local model that phrases curated answers. With <see cref="ModelPath"/> empty the model is off and
/// every answer is the curated text, exactly as without this feature.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>A GGUF file (an instruction-tuned model). Empty: the model is off.</summary>
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>
    /// When true (the default) a model that cannot be loaded is logged once and the service runs on curated answers;
    /// when false the service refuses to start.
    /// </summary>
    public bool Optional { get; set; } = true;

    /// <summary>Tokens the model sees at once: prompt plus answer.</summary>
    [Range(256, 131072)]
    public int ContextSize { get; set; } = 2048;

    /// <summary>CPU threads per generation; 0 lets llama.cpp choose.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>Layers offloaded to a GPU (only with a GPU backend; the CPU backend ignores it).</summary>
    [Range(0, 1000)]
    public int GpuLayerCount { get; set; }

    /// <summary>The longest answer in tokens; SMS answers are capped lower by their segment budget.</summary>
    [Range(8, 8192)]
    public int MaxAnswerTokens { get; set; } = 384;

    /// <summary>The answer deadline, queue wait included; past it the curated text is sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Generations running at once; more requests wait in a queue bounded by <see cref="Timeout"/>.</summary>
    [Range(1, 64)]
    public int MaxConcurrent { get; set; } = 1;

    /// <summary>Sampling temperature; 0 is greedy (always the most likely token).</summary>
    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.2;

    /// <summary>Earlier question/answer pairs of the conversation put into the prompt (trimmed first when long).</summary>
    [Range(0, 20)]
    public int HistoryTurns { get; set; } = 2;

    /// <summary>SMS segments a model answer may use (the curated text's own count if that is more).</summary>
    [Range(1, 10)]
    public int SmsMaxSegments { get; set; } = 3;

    /// <summary>Run one short generation at start so the first person does not wait for buffers to be allocated.</summary>
    public bool WarmUp { get; set; } = true;
}
