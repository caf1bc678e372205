namespace HealthBot.Dialog;

/// <summary>
/// The triage seam before rules exist: flags nothing. The safety feature replaces it with danger-sign rules;
/// the engine already calls it before retrieval and before any model.
/// </summary>
public sealed class NoTriage : ITriage
{
    public TriageResult Assess(NormalizedText text, string language) => TriageResult.None;
}
