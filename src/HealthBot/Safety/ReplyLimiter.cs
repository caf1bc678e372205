using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.Extensions.Options;

namespace HealthBot.Safety;

public enum LimitDecision
{
    Allowed,

    /// <summary>Over the limit for the first time in the window: send one polite notice.</summary>
    Notice,

    /// <summary>Over the limit and already told: say nothing.</summary>
    Silent,
}

/// <summary>Per-contact reply limits (per hour, and a per-number daily cap). Emergencies are never limited.</summary>
public sealed class ReplyLimiter(IMessageStore messages, TimeProvider time, IOptions<SafetyOptions> options)
{
    public async Task<LimitDecision> CheckAsync(Contact contact, CancellationToken ct)
    {
        var settings = options.Value;
        var recent = await messages.RecentRepliesAsync(contact.Id, time.GetUtcNow(), ct);
        if (recent.AnsweredHour < settings.MaxRepliesPerHour && recent.AnsweredDay < settings.MaxRepliesPerDay)
        {
            return LimitDecision.Allowed;
        }

        var notices = recent.AnsweredDay >= settings.MaxRepliesPerDay ? recent.NoticesDay : recent.NoticesHour;
        return notices == 0 ? LimitDecision.Notice : LimitDecision.Silent;
    }
}
