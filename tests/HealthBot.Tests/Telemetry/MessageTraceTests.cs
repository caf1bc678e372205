using System.Collections.Concurrent;
using System.Diagnostics;
using HealthBot.Channels.Twilio;
using HealthBot.Telemetry;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace HealthBot.Tests.Telemetry;

/// <summary>
/// One message, one trace: the webhook request, the stored message, the dialog and the send of its reply (with the
/// provider call) share a trace and nest in that order, although the dialog and the outbox run later on their own.
/// Nothing in the trace names the person or repeats what they wrote.
/// </summary>
public sealed class MessageTraceTests : IAsyncLifetime
{
    private const string From = "+254700300002";
    private const string Text = "how do i prevent malaria";

    /// <summary>Every finished activity of every host in this process (sources are static): filtered by trace id.
    /// </summary>
    private readonly Exported exported = new();

    private LocalTwilioPeer peer = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        factory = new HealthBotFactory(peer.BaseUrl, services: services => services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddHealthBotTracing().AddInMemoryExporter(exported)));
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await peer.DisposeAsync();
    }

    [Fact]
    public async Task The_webhook_dialog_and_send_of_one_message_are_one_trace()
    {
        // The caller's trace context, as a provider or proxy would pass it: it makes this test's trace findable.
        var trace = ActivityTraceId.CreateRandom();
        await PostAsync($"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        await Eventually.WaitForAsync(() => peer.Received.Count(m => m.To == From), n => n >= 1, "the reply");

        var spans = await Eventually.WaitForAsync(
            () => exported.Where(a => a.TraceId == trace).ToList(),
            s => s.Any(a => a.OperationName == "healthbot.send"), "the send's span");
        var server = Assert.Single(spans, a => a.Kind == ActivityKind.Server);
        var inbound = Assert.Single(spans, a => a.OperationName == "healthbot.inbound");
        var dialog = Assert.Single(spans, a => a.OperationName == "healthbot.dialog");
        var send = spans.First(a => a.OperationName == "healthbot.send");
        Assert.Equal(server.SpanId, inbound.ParentSpanId);
        Assert.Equal(inbound.SpanId, dialog.ParentSpanId);
        Assert.Equal(dialog.SpanId, send.ParentSpanId);
        Assert.Equal("twilio", send.GetTagItem("healthbot.provider"));
        Assert.Equal("sent", send.GetTagItem("healthbot.outcome"));
        Assert.Contains(spans, a => a.Kind == ActivityKind.Client && a.ParentSpanId == send.SpanId);
    }

    [Fact]
    public async Task No_span_of_a_message_carries_the_phone_number_or_the_text()
    {
        var trace = ActivityTraceId.CreateRandom();
        await PostAsync($"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var spans = await Eventually.WaitForAsync(
            () => exported.Where(a => a.TraceId == trace).ToList(),
            s => s.Any(a => a.OperationName == "healthbot.send"), "the send's span");

        Assert.True(spans.Count >= 5, $"only {spans.Count} spans");
        foreach (var span in spans)
        {
            var values = span.TagObjects.Select(t => $"{t.Key}={t.Value}")
                .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"))
                .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}")))
                .Append(span.DisplayName).ToList();
            Assert.All(values, v => Assert.DoesNotContain(From[1..], v, StringComparison.Ordinal));
            Assert.All(values, v => Assert.DoesNotContain("malaria", v, StringComparison.OrdinalIgnoreCase));
            Assert.All(values, v => Assert.DoesNotContain(Uri.EscapeDataString(From), v, StringComparison.Ordinal));
        }
    }

    private async Task PostAsync(string traceparent)
    {
        const string Path = "/webhooks/twilio/sms";
        var form = HealthBotFactory.InboundForm(From, Text);
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature",
            TwilioSignature.Compute(HealthBotFactory.AuthToken, HealthBotFactory.PublicBaseUrl + Path, form));
        request.Headers.Add("traceparent", traceparent);
        var response = await factory.CreateClient().SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"webhook answered {response.StatusCode}");
    }

    /// <summary>What the in-memory exporter adds, from its own thread, while the test reads.</summary>
    private sealed class Exported : ICollection<Activity>
    {
        private readonly ConcurrentQueue<Activity> items = new();

        public int Count => items.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => items.Enqueue(item);

        public void Clear() => items.Clear();

        public bool Contains(Activity item) => items.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => items.ToArray().CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException();

        public IEnumerator<Activity> GetEnumerator() => ((IEnumerable<Activity>)items.ToArray()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
