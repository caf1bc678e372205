using Microsoft.Extensions.Options;

namespace HealthBot.Dialog;

/// <summary>
/// Refuses to start when a language has no <c>Dialog:NearestFacility</c>: an emergency message half in English (or
/// with an empty place) sends a person nowhere.
/// </summary>
public sealed class DialogOptionsValidator : IValidateOptions<DialogOptions>
{
    public ValidateOptionsResult Validate(string? name, DialogOptions options)
    {
        var missing = DialogOptions.Languages
            .Where(l => string.IsNullOrWhiteSpace(options.NearestFacility.GetValueOrDefault(l))).ToList();
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Dialog:NearestFacility has no place for {string.Join(", ", missing)}: " +
                $"set Dialog:NearestFacility:<language> (for example Dialog__NearestFacility__{missing[0]}) " +
                $"for each of {string.Join(", ", DialogOptions.Languages)}");
    }
}
