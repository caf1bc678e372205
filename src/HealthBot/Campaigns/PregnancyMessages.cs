using HealthBot.Data;
using HealthBot.Safety;

namespace HealthBot.Campaigns;

/// <summary>Leaves the pregnancy group only: other subscriptions and consent stay as they are.</summary>
public sealed class PregnancyMessages(SqlAudienceStore audience) : IPregnancyMessages
{
    public const string Group = "pregnancy";

    public Task<bool> LeaveAsync(long contactId, CancellationToken ct) => audience.LeaveAsync(contactId, Group);
}
