using System.Collections.Concurrent;
using System.Diagnostics;
using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;
using Microsoft.Extensions.Options;

namespace HealthBot.Llm;

/// <summary>
/// The GGUF model on LLamaSharp: weights loaded once, one context per allowed concurrent generation created at load
/// and reused (cleared before each use), a warm-up generation, and the state that <c>/readyz</c> shows.
/// </summary>
public sealed class LlamaModel(IOptions<LlmOptions> options, ILogger<LlamaModel> logger) : ILocalModel, IDisposable
{
    private readonly LlmOptions settings = options.Value;
    private readonly Lock loading = new();
    private readonly ConcurrentBag<LLamaContext> contexts = [];
    private volatile string state = options.Value.ModelPath.Length == 0 ? ModelStates.Off : ModelStates.NotLoaded;
    private LLamaWeights? weights;
    private ModelParams? parameters;
    private ChatLayout layout = ChatLayout.Plain;

    public string State => state;

    public bool IsReady => state == ModelStates.Ready;

    /// <summary>Why loading failed, when <see cref="State"/> is failed.</summary>
    public string? Error { get; private set; }

    public GgufInfo? File { get; private set; }

    /// <summary>The loaded weights and parameters, for the benchmark's plain LLamaSharp baseline.</summary>
    internal (LLamaWeights Weights, ModelParams Parameters)? Native => weights is null ? null : (weights, parameters!);

    /// <summary>Loads the configured model once; later calls return at once. Throws <see cref="ModelLoadException"/>.</summary>
    public void Load()
    {
        lock (loading)
        {
            if (state != ModelStates.NotLoaded)
            {
                return;
            }

            state = ModelStates.Loading;
            try
            {
                LoadCore();
                state = ModelStates.Ready;
            }
            catch (ModelLoadException ex)
            {
                Error = ex.Message;
                state = ModelStates.Failed;
                DisposeNative();
                throw;
            }
        }
    }

    private void LoadCore()
    {
        var clock = Stopwatch.StartNew();
        var path = Path.GetFullPath(settings.ModelPath);
        try
        {
            File = GgufFile.Read(path);
        }
        catch (ModelFileException ex)
        {
            throw new ModelLoadException($"The model {path} cannot be used: {ex.Message}", ex);
        }

        var nativeErrors = string.Empty;
        try
        {
            // ModelParams asks llama.cpp for its device count, so this is where its library is loaded first.
            parameters = new ModelParams(path)
            {
                ContextSize = (uint)settings.ContextSize,
                GpuLayerCount = settings.GpuLayerCount,
                Threads = settings.Threads > 0 ? settings.Threads : null,
                BatchThreads = settings.Threads > 0 ? settings.Threads : null,
            };
            weights = NativeLog.Capture(() => LLamaWeights.LoadFromFile(parameters), out nativeErrors);
            layout = ChatLayout.For(weights, File.HasChatTemplate);
            // Applying the template once here turns a template llama.cpp cannot apply into a load error, not a failed answer.
            _ = layout.Render(new ChatPrompt([new ChatMessage(ChatRoles.System, "s"), new ChatMessage(ChatRoles.User, "u")]));
            for (var i = 0; i < settings.MaxConcurrent; i++)
            {
                contexts.Add(weights.CreateContext(parameters));
            }
        }
        catch (Exception ex) when (ex is TypeInitializationException { InnerException: RuntimeError })
        {
            // LLamaSharp loads llama.cpp on first use; on an older C library (Debian 12 on arm64) that fails here.
            throw new ModelLoadException(
                $"The model {path} could not be loaded: llama.cpp's library cannot load on this machine " +
                "(healthbot doctor says why)", ex);
        }
        catch (Exception ex) when (ex is RuntimeError or InvalidOperationException)
        {
            var reason = nativeErrors.Length > 0 ? nativeErrors.TrimEnd(' ', ';')
                : ex is LoadWeightsFailedException ? "llama.cpp rejected the file (damaged, incomplete, or an unknown architecture)"
                : ex.Message;
            throw new ModelLoadException($"The model {path} could not be loaded: {reason}", ex);
        }

        var loadTime = clock.Elapsed;
        WarmUp();
        logger.LogInformation(
            "Loaded model {Name} ({Architecture}, {Parameters} parameters, {Quantization}, {SizeMb:0.0} MB) in {LoadMs:0} ms, warm-up {WarmMs:0} ms; " +
            "chat template: {Template}; {Contexts} context(s) of {ContextSize} tokens",
            File.GetString("general.name") ?? Path.GetFileName(path), File.Architecture, ModelCommand.Rounded(File.ParameterCount), GgufNames.Quantization(File),
            File.FileBytes / 1048576.0, loadTime.TotalMilliseconds, (clock.Elapsed - loadTime).TotalMilliseconds,
            layout.UsesModelTemplate ? "from the model" : "none in the file, plain question/answer layout", settings.MaxConcurrent, settings.ContextSize);
        if (!layout.UsesModelTemplate)
        {
            logger.LogWarning("The model has no chat template: it is probably not an instruction-tuned model, and its answers will rarely pass the checks");
        }
    }

    private void WarmUp()
    {
        if (!settings.WarmUp)
        {
            return;
        }

        var prompt = new ChatPrompt([new ChatMessage(ChatRoles.System, "Reply with one word."), new ChatMessage(ChatRoles.User, "Hello")]);
        RunOnContext(prompt, 4, CancellationToken.None);
    }

    public int CountTokens(ChatPrompt prompt) => Tokenize(prompt).Count;

    public string Render(ChatPrompt prompt) => string.Concat(layout.Render(prompt).Select(p => p.Text));

    public Task<Generation> GenerateAsync(ChatPrompt prompt, int maxTokens, CancellationToken ct)
    {
        if (!IsReady)
        {
            throw new InvalidOperationException($"the model is {state}");
        }

        // Native decoding blocks its thread: run it on the pool, checking for cancellation between tokens.
        return Task.Run(() => RunOnContext(prompt, maxTokens, ct), ct);
    }

    private Generation RunOnContext(ChatPrompt prompt, int maxTokens, CancellationToken ct)
    {
        var tokens = Tokenize(prompt);
        maxTokens = Math.Min(maxTokens, settings.ContextSize - tokens.Count);
        if (maxTokens <= 0)
        {
            throw new InvalidOperationException($"the prompt ({tokens.Count} tokens) fills the context ({settings.ContextSize})");
        }

        // The queue in front of the model bounds concurrency to the pool's size; a context is made only if that is bypassed.
        var context = contexts.TryTake(out var pooled) ? pooled : weights!.CreateContext(parameters!);
        try
        {
            return LlamaGenerator.Run(context, tokens, maxTokens, (float)settings.Temperature, layout.StopText, ct);
        }
        finally
        {
            contexts.Add(context);
        }
    }

    private List<LLamaToken> Tokenize(ChatPrompt prompt)
    {
        var model = weights ?? throw new InvalidOperationException($"the model is {state}");
        var tokens = new List<LLamaToken>();
        foreach (var piece in layout.Render(prompt))
        {
            var bos = tokens.Count == 0 && model.Vocab.ShouldAddBOS;
            tokens.AddRange(model.Tokenize(piece.Text, bos, piece.Special, System.Text.Encoding.UTF8));
        }

        return tokens;
    }

    public void Dispose()
    {
        lock (loading)
        {
            DisposeNative();
            if (state == ModelStates.Ready)
            {
                state = ModelStates.NotLoaded;
            }
        }
    }

    private void DisposeNative()
    {
        while (contexts.TryTake(out var context))
        {
            context.Dispose();
        }

        weights?.Dispose();
        weights = null;
    }
}
