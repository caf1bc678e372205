using HealthBot.Cli;

namespace HealthBot.Content;

public enum FindingLevel
{
    Error,
    Warning,
}

/// <summary>
/// One result of <c>content validate</c>. Errors must be fixed before publishing; warnings are printed
/// (as <c>file:line: warning: message</c>) but do not fail the check.
/// </summary>
public sealed record ContentFinding(ContentError Error, FindingLevel Level = FindingLevel.Error)
{
    public bool IsError => Level == FindingLevel.Error;

    public static ContentFinding Warning(string file, int line, string message) =>
        new(new ContentError(file, line, message), FindingLevel.Warning);

    public override string ToString() =>
        IsError ? Error.ToString() : $"{Error.File}:{Error.Line}: warning: {Error.Message}";
}

/// <summary>
/// Everything <see cref="ContentValidator"/> found, sorted by file and line, with the counts for the summary line.
/// </summary>
public sealed record ContentValidationReport(IReadOnlyList<ContentFinding> Findings, int Files, int Languages)
{
    public int Errors => Findings.Count(f => f.IsError);

    public int Warnings => Findings.Count(f => !f.IsError);

    public string Summary => $"checked {Plural.Of(Files, "file")} in {Plural.Of(Languages, "language")}: " +
        $"{Plural.Of(Errors, "error")}, {Plural.Of(Warnings, "warning")}";
}
