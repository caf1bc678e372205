using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Sms;
using Microsoft.Extensions.Options;

namespace HealthBot.Llm;

/// <summary>
/// Phrases a curated answer with the local model, and sends only what passed <see cref="GroundednessCheck"/>: on a
/// failed check, a timeout, an error, a full queue or a model that is not ready, the curated text goes instead and
/// the reason is recorded. Runs on the dialog worker, never on a webhook request.
/// </summary>
public sealed class ModelAnswerPhraser(
    ILocalModel model,
    ModelGate gate,
    GroundednessCheck check,
    PromptLibrary prompts,
    ContentCatalog catalog,
    IMessageStore messages,
    LlmMetrics metrics,
    IOptions<LlmOptions> options,
    IOptions<DialogOptions> dialog,
    TimeProvider time,
    ILogger<ModelAnswerPhraser> logger) : IAnswerPhraser
{
    /// <summary>The runner-up joins the prompt when it scores at least this share of the best item's score.</summary>
    public const double SecondItemShare = 0.75;

    private readonly LlmOptions settings = options.Value;

    public async Task<PhrasedAnswer> PhraseAsync(AnswerRequest request, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        if (!model.IsReady)
        {
            return Fallback(request, $"model-{model.State}");
        }

        var shape = Shape(request);
        var built = await BuildPromptAsync(request, shape, ct);
        if (built.Prompt is not { } prompt)
        {
            return Fallback(request, built.Reason!);
        }

        var remaining = settings.Timeout - time.GetElapsedTime(started);
        var (lease, refused) = await gate.EnterAsync(remaining, ct);
        if (lease is null)
        {
            return Fallback(request, refused!);
        }

        using (lease)
        {
            return await GenerateCheckedAsync(request, prompt, shape, lease, settings.Timeout - time.GetElapsedTime(started), ct);
        }
    }

    private async Task<PhrasedAnswer> GenerateCheckedAsync(AnswerRequest request, BuiltPrompt prompt, AnswerShape shape, ModelGate.Lease lease, TimeSpan remaining, CancellationToken ct)
    {
        Generation generation;
        try
        {
            using var deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1), time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            generation = await model.GenerateAsync(prompt.Prompt, shape.MaxTokens, linked.Token);
            lease.Completed();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Fallback(request, "timeout");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception names no message text: prompts never go into exceptions or logs.
            logger.LogError(ex, "Model generation failed for contact {ContactId}; sending the curated answer", request.Contact.Id);
            return Fallback(request, "error");
        }

        metrics.RecordGeneration(generation);
        var source = new GroundingSource(shape.Language, prompt.Items.Select(i => Body(i, request.Profile)).ToList());
        var budget = new AnswerBudget(shape.Sms, SegmentBudget(request), shape.MaxChars, dialog.Value.FoldAccentsForSms);
        var verdict = check.Check(generation.Text, source, budget);
        if (!verdict.Passed)
        {
            logger.LogDebug("Model answer for contact {ContactId} rejected: {Reason} ({Detail})", request.Contact.Id, verdict.Reason, verdict.Detail);
            return Fallback(request, $"check-{verdict.Reason}");
        }

        if (!generation.Finished)
        {
            // Stopped at the token limit: it may end mid-sentence, even if what is there is faithful.
            return Fallback(request, "truncated");
        }

        metrics.RecordModelAnswer();
        return new PhrasedAnswer(generation.Text.Trim(), FromModel: true, FallbackReason: null);
    }

    private async Task<(BuiltPrompt? Prompt, string? Reason)> BuildPromptAsync(AnswerRequest request, AnswerShape shape, CancellationToken ct)
    {
        if (prompts.SystemTemplate(shape.Language) is not { } template)
        {
            return (null, "no-prompt");
        }

        var history = await ConversationHistory.RecentAsync(messages, request.Contact.Id, settings.HistoryTurns, ct);
        var items = Items(request).Select(i => (i, Body(i, request.Profile))).ToList();
        var available = settings.ContextSize - shape.MaxTokens;
        var built = PromptBuilder.Fit(template, items, history, request.Question.Clean, shape, model.CountTokens, available);
        return built is null ? (null, "prompt-too-long") : (built, null);
    }

    /// <summary>The answered item, and the runner-up when it is nearly as good a match.</summary>
    private IEnumerable<ContentItem> Items(AnswerRequest request)
    {
        yield return request.Item;
        var candidates = request.Candidates ?? [];
        var best = candidates.FirstOrDefault(c => c.ContentId == request.Item.Id)?.Score ?? 0;
        var second = candidates.FirstOrDefault(c => c.ContentId != request.Item.Id && c.Language == request.Item.Language);
        if (second is not null && best > 0 && second.Score >= best * SecondItemShare
            && catalog.Current.Find(second.ContentId, second.Language) is { IsPublished: true } item)
        {
            yield return item;
        }
    }

    private AnswerShape Shape(AnswerRequest request)
    {
        var language = request.Item.Language;
        if (!request.Profile.SmsCost)
        {
            return new AnswerShape(language, Sms: false, request.Profile.MaxChars, settings.MaxAnswerTokens)
            {
                Register = Register(language),
            };
        }

        var segments = SegmentBudget(request);
        var perSegment = SmsSegments.Analyze(Sent(request.CuratedText, language)).Encoding == SmsEncoding.Gsm7 ? SmsSegments.GsmPart : SmsSegments.Ucs2Part;
        var chars = segments * perSegment;
        return new AnswerShape(language, Sms: true, chars, Math.Min(settings.MaxAnswerTokens, (chars * 2 / 3) + 16))
        {
            Register = Register(language),
        };
    }

    private string? Register(string language) => catalog.Current.System.GetValueOrDefault(language)?.Register;

    /// <summary>The configured SMS budget, or the curated text's own length if the staff wrote a longer one.</summary>
    private int SegmentBudget(AnswerRequest request) =>
        Math.Max(settings.SmsMaxSegments, SmsSegments.Analyze(Sent(request.CuratedText, request.Item.Language)).Segments);

    private string Sent(string text, string language) =>
        dialog.Value.FoldAccentsForSms && language != "hi" ? SmartEncoding.FoldToGsm(text, language) : SmartEncoding.Apply(text);

    private static string Body(ContentItem item, ChannelProfile profile) => profile.UseWebBody ? item.Web : item.Sms;

    private PhrasedAnswer Fallback(AnswerRequest request, string reason)
    {
        metrics.RecordFallback(reason);
        return new PhrasedAnswer(request.CuratedText, FromModel: false, FallbackReason: reason);
    }
}
