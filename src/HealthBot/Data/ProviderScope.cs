namespace HealthBot.Data;

/// <summary>
/// The messages a provider's status callback may name: those it sent (<c>messages.provider</c>), and those stored
/// before providers were (migration 0021, provider NULL) on the channels it is the chosen sender of, which it is the
/// likeliest to have sent. Message ids are only unique within one provider.
/// </summary>
public sealed record ProviderScope(string Provider, IReadOnlyCollection<string> LegacyChannels)
{
    /// <summary>The SQL condition on <c>messages</c> and its parameters (<c>@sp</c>, <c>@sc0</c>…).</summary>
    internal string Condition =>
        LegacyChannels.Count == 0
            ? "provider = @sp"
            : $"(provider = @sp OR (provider IS NULL AND channel IN ({string.Join(", ",
                LegacyChannels.Select((_, i) => $"@sc{i}"))})))";

    internal System.Data.Common.DbCommand Bind(System.Data.Common.DbCommand command)
    {
        command.With("@sp", Provider);
        var i = 0;
        foreach (var channel in LegacyChannels)
        {
            command.With($"@sc{i++}", channel);
        }

        return command;
    }
}
