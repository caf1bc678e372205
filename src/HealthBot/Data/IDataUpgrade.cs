namespace HealthBot.Data;

/// <summary>
/// A rewrite of stored personal data that SQL cannot do (the values are encrypted): a migration marks it in
/// <c>pending_upgrades</c>, and it runs at start once the data keys are verified. Registered by its feature.
/// </summary>
public interface IDataUpgrade
{
    /// <summary>Does the work if it is still pending; safe to call on every start.</summary>
    void RunIfPending();
}
