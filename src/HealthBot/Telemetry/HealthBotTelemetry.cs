using System.Diagnostics;
using System.Diagnostics.Metrics;
using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Outbox;

namespace HealthBot.Telemetry;

/// <summary>
/// The service's own instruments, created once on the one <see cref="Meter"/> named <see cref="Name"/>. Tags are
/// bounded names (provider, channel, stage, outcome) and never a phone number or message text. With telemetry off
/// nobody listens and each record is a cheap no-op.
/// </summary>
public sealed class HealthBotTelemetry
{
    public const string Name = "HealthBot";

    /// <summary>Bucket bounds in seconds: from half a millisecond (a triage) to 30 s (a slow model or provider).
    /// </summary>
    private static readonly double[] Seconds =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Histogram<double> webhook;
    private readonly Counter<long> inbound;
    private readonly Histogram<double> stage;
    private readonly Histogram<double> dialog;
    private readonly Counter<long> sends;
    private readonly Histogram<double> sendDuration;
    private readonly Counter<long> campaign;

    public HealthBotTelemetry(IMeterFactory meters, TimeProvider time)
    {
        Time = time;
        Meter = meters.Create(Name);
        webhook = Histogram("healthbot.webhook.duration", "Time to answer a provider's webhook request");
        inbound = Meter.CreateCounter<long>("healthbot.inbound.messages", "{message}", "Messages received, by channel");
        stage = Histogram("healthbot.dialog.stage.duration", "Time spent in one stage of answering a message");
        dialog = Histogram("healthbot.dialog.duration", "Time to answer one stored message, by route");
        sends = Meter.CreateCounter<long>(
            "healthbot.outbox.sends", "{message}", "Send attempts by provider, channel, kind and outcome");
        sendDuration = Histogram("healthbot.outbox.send.duration", "Time a provider took to take one message");
        campaign = Meter.CreateCounter<long>(
            "healthbot.campaign.messages", "{message}", "Campaign messages planned, sent, held and skipped");
    }

    public Meter Meter { get; }

    public TimeProvider Time { get; }

    public long Start() => Time.GetTimestamp();

    public TimeSpan Since(long start) => Time.GetElapsedTime(start);

    /// <summary>One webhook request; <paramref name="channel"/> is <c>none</c> when it carried no message.</summary>
    public void Webhook(long start, string provider, string hook, string channel, int status)
    {
        if (webhook.Enabled)
        {
            webhook.Record(Since(start).TotalSeconds, new TagList
            {
                { "provider", provider }, { "webhook", hook }, { "channel", channel },
                { "http.response.status_code", status },
            });
        }
    }

    public void Inbound(string channel) => inbound.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>A stage of <see cref="DialogStage"/> that began at <paramref name="start"/> ended now.</summary>
    public void Stage(string name, long start)
    {
        if (stage.Enabled)
        {
            stage.Record(Since(start).TotalSeconds, new KeyValuePair<string, object?>("stage", name));
        }
    }

    public void Dialog(long start, string route, string channel)
    {
        if (dialog.Enabled)
        {
            dialog.Record(Since(start).TotalSeconds, new TagList { { "route", route }, { "channel", channel } });
        }
    }

    /// <summary>
    /// One send attempt's outcome (sent, retry or failed); <paramref name="duration"/> is null when no provider was
    /// called (a send settled by looking it up). A campaign message sent counts towards its campaign's progress too.
    /// </summary>
    public string Send(OutboxItem item, string provider, SendResult result, TimeSpan? duration)
    {
        var outcome = result switch
        {
            SendResult.Sent => "sent",
            SendResult.Fail => "failed",
            _ => "retry",
        };
        var campaignMessage = item.Kind == SqlCampaignPlanStore.Kind;
        var tags = new TagList { { "provider", provider }, { "channel", item.Channel }, { "outcome", outcome } };
        if (duration is { } took && sendDuration.Enabled)
        {
            sendDuration.Record(took.TotalSeconds, tags);
        }

        tags.Add("kind", campaignMessage ? "campaign" : "reply");
        sends.Add(1, tags);
        if (campaignMessage && result is SendResult.Sent)
        {
            Campaign("sent", 1);
        }

        return outcome;
    }

    /// <summary>Campaign messages reaching a <paramref name="stage"/>: planned, sent, held or skipped (and why).
    /// </summary>
    public void Campaign(string stage, long count, string reason = "")
    {
        if (count > 0)
        {
            campaign.Add(count, new TagList { { "stage", stage }, { "reason", reason } });
        }
    }

    private Histogram<double> Histogram(string name, string description) =>
        Meter.CreateHistogram(name, "s", description, tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Seconds });
}

/// <summary>The stages of answering a message that <see cref="HealthBotTelemetry.Stage"/> times.</summary>
public static class DialogStage
{
    public const string Language = "language";
    public const string Triage = "triage";
    public const string Retrieval = "retrieval";

    /// <summary>Phrasing the answer: the local model when there is one, otherwise the curated text.</summary>
    public const string Model = "model";
    public const string Compose = "compose";
}
