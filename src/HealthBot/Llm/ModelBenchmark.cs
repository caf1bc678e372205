using System.Diagnostics;
using System.Globalization;
using HealthBot.Cli;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using LLama.Native;
using LLama.Sampling;

namespace HealthBot.Llm;

/// <summary>
/// <c>healthbot bench model --model PATH [--runs N] [--tokens N] [--threads N]</c>: the same model and prompt, greedy,
/// through plain LLamaSharp (tokenize, decode, sample on a ready context) and through the product's phraser (history,
/// prompt budget, queue, generation, groundedness check), alternating; prints one <c>BENCH model</c> line of medians.
/// </summary>
public static class ModelBenchmark
{
    private sealed record Run(int Tokens, double Seconds, double FirstTokenMs, int PromptTokens, double OverheadMs);

    public static async Task<int> RunAsync(string[] args)
    {
        var path = Option(args, "--model");
        if (path is null)
        {
            Console.Error.WriteLine("usage: healthbot bench model --model PATH [--runs 10] [--tokens 128] [--threads 0]");
            return 2;
        }

        var runs = int.Parse(Option(args, "--runs") ?? "10", CultureInfo.InvariantCulture);
        var tokens = Option(args, "--tokens") ?? "128";
        var data = Path.Combine(Path.GetTempPath(), "healthbot-bench", Guid.NewGuid().ToString("N"));
        try
        {
            using var host = CommandHost.Build([
                $"--Llm:ModelPath={Path.GetFullPath(path)}", "--Llm:Optional=false", "--Llm:Temperature=0", $"--Llm:MaxAnswerTokens={tokens}",
                "--Llm:Timeout=00:10:00", "--Llm:MaxConcurrent=1", $"--Llm:Threads={Option(args, "--threads") ?? "0"}", $"--Storage:DataDirectory={data}"]);
            if (host is null)
            {
                return 1;
            }

            host.Services.LoadContent(watch: false);
            Console.Out.WriteLine(await MeasureAsync(host.Services, runs));
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

    private static async Task<string> MeasureAsync(IServiceProvider services, int runs)
    {
        var model = services.GetRequiredService<LlamaModel>();
        var rssMb = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
        var request = await RequestAsync(services);
        var phraser = services.GetRequiredService<IAnswerPhraser>();
        var metrics = services.GetRequiredService<LlmMetrics>();
        Generation? last = null;
        metrics.Generated += g => last = g;
        var prompt = model.Render(await PromptAsync(services, request));
        var (weights, parameters) = model.Native!.Value;
        using var context = weights.CreateContext(parameters);
        var maxTokens = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LlmOptions>>().Value.MaxAnswerTokens;
        var raw = new List<Run>();
        var pipeline = new List<Run>();
        for (var i = 0; i <= runs; i++)
        {
            // Run 0 warms both paths and is not counted.
            var r = await RawAsync(context, prompt, maxTokens);
            var clock = Stopwatch.StartNew();
            await phraser.PhraseAsync(request, CancellationToken.None);
            var total = clock.Elapsed.TotalSeconds;
            var g = last ?? throw new InvalidOperationException("the pipeline did not run the model");
            if (i > 0)
            {
                raw.Add(r);
                pipeline.Add(new Run(g.GeneratedTokens, total, g.TimeToFirstToken.TotalMilliseconds, g.PromptTokens, (total - g.Elapsed.TotalSeconds) * 1000));
            }
        }

        var rawTps = Median(raw.Select(r => r.Tokens / r.Seconds));
        var pipeTps = Median(pipeline.Select(r => r.Tokens / r.Seconds));
        // Each pipeline run is compared with the raw run just before it, so drift in the machine's speed cancels out.
        var ratio = Median(raw.Zip(pipeline, (r, p) => (p.Tokens / p.Seconds) / (r.Tokens / r.Seconds)));
        var file = model.File!;
        return string.Create(CultureInfo.InvariantCulture,
            $"BENCH model name={(file.GetString("general.name") ?? "-").Replace(' ', '_')} params={ModelCommand.Rounded(file.ParameterCount)} quant={GgufNames.Quantization(file)} " +
            $"runs={runs} prompt_tokens={Median(pipeline.Select(r => (double)r.PromptTokens)):0} gen_tokens={Median(pipeline.Select(r => (double)r.Tokens)):0} " +
            $"raw_tps={rawTps:0.0} pipeline_tps={pipeTps:0.0} ratio={ratio:0.000} overhead_pct={(1 - ratio) * 100:0.0} " +
            $"overhead_ms={Median(pipeline.Select(r => r.OverheadMs)):0.0} ttft_raw_ms={Median(raw.Select(r => r.FirstTokenMs)):0.0} " +
            $"ttft_pipeline_ms={Median(pipeline.Select(r => r.FirstTokenMs)):0.0} rss_mb={rssMb:0} cpus={Environment.ProcessorCount}");
    }

    /// <summary>A web-chat question on a real item, so the answer budget is the configured token count.</summary>
    private static async Task<AnswerRequest> RequestAsync(IServiceProvider services)
    {
        var item = services.GetRequiredService<ContentCatalog>().Current.Find("diarrhoea-ors", "en") ?? throw new InvalidOperationException("content item diarrhoea-ors/en is missing");
        var contact = await services.GetRequiredService<IContactStore>().GetOrCreateAsync(ChannelNames.WebChat, "bench");
        var profile = ChannelProfile.For(ChannelNames.WebChat);
        return new AnswerRequest(contact, TextNormalizer.Normalize("how do I mix ORS for my toddler with diarrhoea"), item, profile, item.Web);
    }

    private static Task<ChatPrompt> PromptAsync(IServiceProvider services, AnswerRequest request)
    {
        var template = services.GetRequiredService<PromptLibrary>().SystemTemplate("en") ?? throw new InvalidOperationException("content/prompts/system.md is missing");
        var shape = new AnswerShape("en", Sms: false, request.Profile.MaxChars, 128);
        var model = services.GetRequiredService<LlamaModel>();
        var built = PromptBuilder.Fit(template, [(request.Item, request.CuratedText)], [], request.Question.Clean, shape, model.CountTokens, int.MaxValue)!;
        return Task.FromResult(built.Prompt);
    }

    /// <summary>
    /// Plain LLamaSharp on the same weights and a ready context (as the product pools them): tokenize the whole
    /// prompt, decode it in batches with logits for the last token only, then sample and decode token by token.
    /// </summary>
    private static Task<Run> RawAsync(LLama.LLamaContext context, string prompt, int maxTokens) => Task.Run(() =>
    {
        var clock = Stopwatch.StartNew();
        context.NativeHandle.MemoryClear(true);
        var tokens = context.Tokenize(prompt, addBos: true, special: true);
        var batch = new LLamaBatch();
        for (var start = 0; start < tokens.Length; start += (int)context.BatchSize)
        {
            batch.Clear();
            for (var i = start; i < Math.Min(tokens.Length, start + (int)context.BatchSize); i++)
            {
                batch.Add(tokens[i], i, LLamaSeqId.Zero, i == tokens.Length - 1);
            }

            _ = context.Decode(batch);
        }

        using var sampler = new DefaultSamplingPipeline { Temperature = 0 };
        var decoder = new LLama.StreamingTokenDecoder(context);
        var first = 0.0;
        var n = 0;
        for (var position = tokens.Length; n < maxTokens; n++)
        {
            var token = sampler.Sample(context.NativeHandle, batch.TokenCount - 1);
            first = n == 0 ? clock.Elapsed.TotalMilliseconds : first;
            if (token.IsEndOfGeneration(context.Vocab))
            {
                break;
            }

            decoder.Add(token);
            _ = decoder.Read();
            batch.Clear();
            batch.Add(token, position++, LLamaSeqId.Zero, true);
            _ = context.Decode(batch);
        }

        return new Run(n, clock.Elapsed.TotalSeconds, first, tokens.Length, 0);
    });

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
