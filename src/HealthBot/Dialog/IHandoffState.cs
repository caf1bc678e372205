namespace HealthBot.Dialog;

/// <summary>Whether a person is handling a contact's conversation, in which case the bot answers only emergencies.</summary>
public interface IHandoffState
{
    Task<bool> IsHumanHandlingAsync(long contactId, CancellationToken ct = default);
}

/// <summary>The default without the staff workspace: the bot always answers.</summary>
public sealed class NoHandoff : IHandoffState
{
    public Task<bool> IsHumanHandlingAsync(long contactId, CancellationToken ct = default) => Task.FromResult(false);
}
