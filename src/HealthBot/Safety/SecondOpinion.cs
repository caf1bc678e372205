using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using HealthBot.Content;
using HealthBot.Dialog;
using Microsoft.Extensions.Options;

namespace HealthBot.Safety;

/// <summary>The classifier's view of a message the rules did not find urgent.</summary>
/// <param name="Alert">The score reached the threshold: staff get a "possible emergency" alert for review.</param>
public sealed record SecondOpinionResult(double Score, double Threshold, bool Alert);

/// <summary>
/// A learned second opinion on emergencies (<see cref="SecondOpinionModel"/>), trained at start and again whenever the
/// content reloads, from the labelled examples in content/triage-examples. It can only add: when the danger-sign rules are quiet and it is confident, the
/// person gets their normal answer plus one safety line and staff get an alert to review. The rules alone decide the
/// referral; this never removes or replaces it. Without examples, or switched off, it stays silent.
/// </summary>
public sealed class SecondOpinion
{
    /// <summary>The alert's rule name: the inbox shows it as "possible emergency (second opinion)".</summary>
    public const string Rule = "second-opinion";

    private static readonly ConcurrentDictionary<string, Lazy<SecondOpinionModel?>> Trained =
        new(StringComparer.Ordinal);

    private readonly SafetyOptions options;
    private readonly ILogger<SecondOpinion> logger;
    private volatile SecondOpinionModel? model;

    public SecondOpinion(ContentCatalog catalog, IOptions<SafetyOptions> options, ILogger<SecondOpinion> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        if (!this.options.SecondOpinion)
        {
            return;
        }

        Load(catalog.Directory, starting: true);
        // Examples are content: edited or added, they retrain the model when the content reloads, as the rules do.
        catalog.Reloaded += _ => Load(catalog.Directory, starting: false);
    }

    private void Load(string folder, bool starting)
    {
        var clock = Stopwatch.StartNew();
        SecondOpinionModel? trained;
        // The model is a function of the example files: hosts of one process (tests start hundreds) train it once.
        try
        {
            trained = Trained.GetOrAdd(TriageExamples.Fingerprint(folder), _ => new(() => Train(folder))).Value;
        }
        catch (InvalidDataException ex)
        {
            // A broken example file must not stop the rules: they answer alone (or with the model trained before),
            // and the log says which line to fix.
            logger.LogError("The second opinion on emergencies {State}: {Problem}",
                starting || model is null ? "is off" : "keeps its earlier training", ex.Message);
            return;
        }

        if (ReferenceEquals(trained, model))
        {
            return;
        }

        model = trained;
        if (trained is null)
        {
            logger.LogWarning(
                "No triage examples in {Folder}: the second opinion on emergencies is off", TriageExamples.Folder);
            return;
        }

        logger.LogInformation("Second opinion on emergencies ready ({Rows} examples) in {Ms} ms", trained.Rows,
            clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture));
    }

    private static SecondOpinionModel? Train(string contentDirectory) =>
        TriageExamples.Load(contentDirectory) is { Count: > 0 } examples ? SecondOpinionModel.Train(examples) : null;

    /// <summary>Whether a model is loaded and switched on.</summary>
    public bool IsOn => model is not null;

    /// <summary>How many examples the current model learned from (0 when off).</summary>
    public int Examples => model?.Rows ?? 0;

    /// <summary>The score of a message, or null when the second opinion is off.</summary>
    public SecondOpinionResult? Check(NormalizedText text, string language)
    {
        if (model is not { } current || !text.HasWords)
        {
            return null;
        }

        var score = current.Score(text.Clean, language);
        return new SecondOpinionResult(score, options.SecondOpinionThreshold, score >= options.SecondOpinionThreshold);
    }
}
