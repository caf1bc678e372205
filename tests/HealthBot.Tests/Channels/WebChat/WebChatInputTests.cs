using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.WebChat;

/// <summary>Security test #11: what the web chat API accepts (chat ids, body sizes, text), on a real socket.</summary>
public sealed class WebChatInputTests : IAsyncLifetime
{
    private const string Api = "/api/webchat/messages";
    private const string Poll = "/api/webchat/messages?after=0";

    private readonly HealthBotFactory factory = new();
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        // Kestrel, not the in-memory test server: body size limits are the real server's.
        client = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_chat_id_the_server_never_issued_is_refused_with_a_reason()
    {
        // Session fixation: a victim's browser made to carry an id the attacker chose, so the attacker can read along.
        var planted = new HttpRequestMessage(HttpMethod.Post, Api)
        {
            Content = JsonContent.Create(new { text = "hi" }),
        };
        planted.Headers.Add("Cookie", "hb_chat=0123456789abcdef0123456789abcdef");

        var response = await client.SendAsync(planted);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not issued by this server", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
        var poll = new HttpRequestMessage(HttpMethod.Get, Poll);
        poll.Headers.Add("Cookie", "hb_chat=0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(poll)).StatusCode);
    }

    [Fact]
    public async Task A_chat_id_the_server_issued_keeps_the_conversation()
    {
        var first = await client.PostAsJsonAsync(Api, new { text = "how to wash hands" });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var cookie = first.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        var poll = new HttpRequestMessage(HttpMethod.Get, Poll);
        poll.Headers.Add("Cookie", cookie);
        var conversation = await client.SendAsync(poll);

        Assert.Equal(HttpStatusCode.OK, conversation.StatusCode);
        var messages = (await conversation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages");
        Assert.Equal("how to wash hands", messages[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_one_megabyte_body_is_refused_with_413_and_the_service_keeps_answering()
    {
        var body = $"{{\"text\":\"hello\",\"padding\":\"{new string('a', 1024 * 1024)}\"}}";

        var response = await client.PostAsync(Api, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var normal = await client.PostAsJsonAsync(Api, new { text = "how to wash hands" });
        Assert.Equal(HttpStatusCode.Accepted, normal.StatusCode);
    }

    [Fact]
    public async Task A_message_over_1600_characters_gets_400_with_the_limit()
    {
        var response = await client.PostAsJsonAsync(Api, new { text = new string('a', 1601) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1600", await DetailAsync(response), StringComparison.Ordinal);
        var longest = await client.PostAsJsonAsync(Api, new { text = new string('a', 1600) });
        Assert.Equal(HttpStatusCode.Accepted, longest.StatusCode);
    }

    [Fact]
    public async Task Control_characters_are_dropped_and_the_message_is_still_answered()
    {
        var first = await client.PostAsJsonAsync(Api, new { text = "\0how to\u001b wash hands\0" });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var cookie = first.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        var messages = await Eventually.WaitAsync(
            async () =>
            {
                var poll = new HttpRequestMessage(HttpMethod.Get, Poll);
                poll.Headers.Add("Cookie", cookie);
                var response = await client.SendAsync(poll);
                var json = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages");
                return json.EnumerateArray()
                    .Select(m => (From: m.GetProperty("from").GetString(), Text: m.GetProperty("text").GetString()))
                    .ToList();
            },
            m => m.Count >= 2, "the answer");

        Assert.Equal("how to wash hands", messages[0].Text);
        Assert.Equal("bot", messages[1].From);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString() ?? string.Empty;
}
