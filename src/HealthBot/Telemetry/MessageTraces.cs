using System.Collections.Concurrent;
using System.Diagnostics;

namespace HealthBot.Telemetry;

/// <summary>
/// One trace per inbound message: the webhook's <c>healthbot.inbound</c> activity, the dialog worker's
/// <c>healthbot.dialog</c> and the outbox's <c>healthbot.send</c> for each reply. The dialog worker and the outbox run
/// later on other threads, so each step's context is kept here by message id until the next step starts as its child.
/// In memory only (a restart or another node starts a new trace), bounded, and filled only while a tracer listens:
/// with tracing off <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and nothing is kept.
/// Tags carry ids and bounded names only, never a phone number or message text; nothing goes into baggage.
/// </summary>
public sealed class MessageTraces
{
    public static readonly ActivitySource Source = new(HealthBotTelemetry.Name);

    /// <summary>
    /// Minutes of backlog at full speed. Entries whose next step ran elsewhere (another node) are never taken, so a
    /// full map is emptied: the links of a few waiting messages are lost rather than those of every later one.
    /// </summary>
    private const int Capacity = 50_000;

    private readonly ConcurrentDictionary<long, ActivityContext> inbound = new();
    private readonly ConcurrentDictionary<long, ActivityContext> outbound = new();

    /// <summary>Started by the receiver around storing one message (under the webhook request, if traced).</summary>
    public static Activity? StartInbound(string channel)
    {
        var activity = Source.StartActivity("healthbot.inbound", ActivityKind.Consumer);
        activity?.SetTag("healthbot.channel", channel);
        return activity;
    }

    /// <summary>Keeps the stored message's context for its dialog step.</summary>
    public void Received(Activity? activity, long messageId)
    {
        if (activity is not null)
        {
            activity.SetTag("healthbot.message.id", messageId);
            Keep(inbound, messageId, activity.Context);
        }
    }

    /// <summary>The dialog step of one stored message, in the message's trace when it is known.</summary>
    public Activity? StartDialog(long messageId, string channel)
    {
        inbound.TryRemove(messageId, out var parent);
        var activity = Source.StartActivity("healthbot.dialog", ActivityKind.Internal, parent);
        activity?.SetTag("healthbot.channel", channel);
        activity?.SetTag("healthbot.message.id", messageId);
        return activity;
    }

    /// <summary>Keeps the dialog's context for the sends of the replies it wrote.</summary>
    public void Replied(Activity? activity, IReadOnlyList<long> replyIds)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("healthbot.replies", replyIds.Count);
        foreach (var id in replyIds)
        {
            Keep(outbound, id, activity.Context);
        }
    }

    /// <summary>One send attempt; a campaign message (or one after a restart) has no parent: a trace of its own.
    /// </summary>
    public Activity? StartSend(long messageId, long outboxId, string channel, string provider)
    {
        var activity = Source.StartActivity("healthbot.send", ActivityKind.Producer,
            outbound.TryGetValue(messageId, out var parent) ? parent : default);
        activity?.SetTag("healthbot.channel", channel);
        activity?.SetTag("healthbot.provider", provider);
        activity?.SetTag("healthbot.message.id", messageId);
        activity?.SetTag("healthbot.outbox.id", outboxId);
        return activity;
    }

    /// <summary>The message left the outbox for good (sent or failed): no later attempt needs its parent.</summary>
    public void Settled(long messageId) => outbound.TryRemove(messageId, out _);

    private static void Keep(ConcurrentDictionary<long, ActivityContext> map, long id, ActivityContext context)
    {
        if (map.Count >= Capacity)
        {
            map.Clear();
        }

        map[id] = context;
    }
}
