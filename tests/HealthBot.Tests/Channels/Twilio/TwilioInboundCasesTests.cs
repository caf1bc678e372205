using System.Net;
using System.Text;
using System.Text.Json;
using HealthBot.Channels.Twilio;
using HealthBot.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace HealthBot.Tests.Channels.Twilio;

/// <summary>Recorded and malformed webhook bodies from testdata/inbound-cases.json: each has a defined outcome.</summary>
public sealed class TwilioInboundCasesTests(TwilioInboundCasesTests.Host host) : IClassFixture<TwilioInboundCasesTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public LocalTwilioPeer Peer { get; private set; } = null!;

        public HealthBotFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Peer = await LocalTwilioPeer.StartAsync();
            Factory = new HealthBotFactory(Peer.BaseUrl);
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Peer.DisposeAsync();
        }
    }

    public sealed record InboundCase(string Name, string ContentType, string Body, int ExpectStatus, string? ExpectReply)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<InboundCase> Cases()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "Twilio", "testdata", "inbound-cases.json"));
        var data = new TheoryData<InboundCase>();
        foreach (var c in JsonSerializer.Deserialize<List<InboundCase>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
        {
            data.Add(c);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recorded_payload_has_its_defined_outcome(InboundCase c)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new StringContent(c.Body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(c.ContentType);
        // Signed as Twilio signs: every value of a repeated name is its own pair.
        var pairs = QueryHelpers.ParseQuery(c.Body)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty))).ToList();
        var form = pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var url = HealthBotFactory.PublicBaseUrl + "/webhooks/twilio/sms";
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(HealthBotFactory.AuthToken, url, pairs));

        var response = await host.Factory.CreateClient().SendAsync(request);

        Assert.True((HttpStatusCode)c.ExpectStatus == response.StatusCode,
            $"expected {c.ExpectStatus}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (c.ExpectReply is null)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (c.Body.Contains("MessageSid=", StringComparison.Ordinal)
                && c.ContentType.EndsWith("urlencoded", StringComparison.Ordinal))
            {
                // A refused webhook says why.
                var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
            }

            return;
        }

        var from = form["From"];
        var kind = await Eventually.WaitAsync(
            () => ReplyKind(from), k => k is not null, $"a reply to {c.Name}");
        Assert.Equal(c.ExpectReply, kind);
        var stored = await FirstAsync(from, "in");
        Assert.DoesNotContain(stored!.Body, ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'));
    }

    [Fact]
    public async Task Oversized_body_is_refused_with_413()
    {
        var form = HealthBotFactory.InboundForm("+254700000199", new string('a', 100_000));

        var response = await host.Factory.PostSignedAsync("/webhooks/twilio/sms", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Factory.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    private async Task<string?> ReplyKind(string from) => (await FirstAsync(from, "out"))?.Kind;

    private async Task<HealthBot.Dialog.StoredMessage?> FirstAsync(string from, string direction)
    {
        // Addresses are encrypted at rest: find the contact through the store, as the service does.
        var channel = from.StartsWith("whatsapp:", StringComparison.Ordinal) ? "whatsapp" : "sms";
        var contact = await host.Factory.Service<HealthBot.Dialog.IContactStore>().FindAsync(channel, from);
        if (contact is null)
        {
            return null;
        }

        var messages = await host.Factory.Service<HealthBot.Dialog.IMessageStore>().ConversationAsync(contact.Id, 0, 10);
        return messages.FirstOrDefault(m => m.Direction == direction);
    }
}
