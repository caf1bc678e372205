using System.Diagnostics;
using System.Text;
using LLama;
using LLama.Native;
using LLama.Sampling;

namespace HealthBot.Llm;

/// <summary>
/// One generation on one context: decode the prompt, then sample token by token until the model ends its turn, the
/// token limit, the layout's stop text, or cancellation (checked between tokens). The plain LLamaSharp loop, with
/// nothing in it but what every answer needs.
/// </summary>
internal static class LlamaGenerator
{
    public static Generation Run(LLamaContext context, IReadOnlyList<LLamaToken> prompt, int maxTokens, float temperature, string? stopText, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        context.NativeHandle.MemoryClear(true);
        var batch = new LLamaBatch();
        var position = DecodePrompt(context, batch, prompt, ct);
        using var sampler = new DefaultSamplingPipeline { Temperature = temperature, Seed = (uint)Random.Shared.Next() };
        var decoder = new StreamingTokenDecoder(context);
        var text = new StringBuilder();
        var firstToken = TimeSpan.Zero;
        var generated = 0;
        var finished = false;
        while (generated < maxTokens)
        {
            ct.ThrowIfCancellationRequested();
            var token = sampler.Sample(context.NativeHandle, batch.TokenCount - 1);
            if (generated == 0)
            {
                firstToken = Stopwatch.GetElapsedTime(started);
            }

            if (token.IsEndOfGeneration(context.Vocab))
            {
                finished = true;
                break;
            }

            generated++;
            decoder.Add(token);
            var piece = decoder.Read();
            text.Append(piece);
            if (stopText is not null && StopAt(text, stopText, piece.Length) is var stop and >= 0)
            {
                text.Length = stop;
                finished = true;
                break;
            }

            batch.Clear();
            batch.Add(token, position++, LLamaSeqId.Zero, true);
            Check(context.Decode(batch));
        }

        return new Generation(text.ToString(), prompt.Count, generated, firstToken, Stopwatch.GetElapsedTime(started), finished);
    }

    /// <summary>Feeds the prompt in batches no larger than the context's batch size; logits only for the last token.</summary>
    private static int DecodePrompt(LLamaContext context, LLamaBatch batch, IReadOnlyList<LLamaToken> prompt, CancellationToken ct)
    {
        var size = (int)context.BatchSize;
        for (var start = 0; start < prompt.Count; start += size)
        {
            ct.ThrowIfCancellationRequested();
            batch.Clear();
            var end = Math.Min(prompt.Count, start + size);
            for (var i = start; i < end; i++)
            {
                batch.Add(prompt[i], i, LLamaSeqId.Zero, i == prompt.Count - 1);
            }

            Check(context.Decode(batch));
        }

        return prompt.Count;
    }

    /// <summary>Where the stop text starts, looking only where the last piece could have completed it; -1 if absent.</summary>
    private static int StopAt(StringBuilder text, string stop, int added)
    {
        var from = Math.Max(0, text.Length - added - stop.Length);
        var at = text.ToString(from, text.Length - from).IndexOf(stop, StringComparison.Ordinal);
        return at < 0 ? -1 : from + at;
    }

    private static void Check(DecodeResult result)
    {
        if (result != DecodeResult.Ok)
        {
            throw new InvalidOperationException($"llama.cpp decode failed: {result}");
        }
    }
}
