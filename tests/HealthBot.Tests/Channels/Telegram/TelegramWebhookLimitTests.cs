using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HealthBot.Channels.Telegram;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>
/// The webhook's size limit on a real Kestrel server: Telegram:MaxRequestBytes (256 KiB), not the 64 KiB every other
/// request is held to, and a larger body is a plain 413, not an error in the log.
/// </summary>
public sealed class TelegramWebhookLimitTests : IAsyncLifetime
{
    private HealthBotFactory factory = null!;
    private HttpClient http = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = TelegramWebhookTests.BotToken,
            ["Telegram:WebhookSecret"] = TelegramWebhookTests.Secret,
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
        });
        http = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await factory.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_update_of_100_KiB_is_taken_and_one_over_the_limit_is_413_without_an_error_logged(bool sized)
    {
        var taken = await PostAsync(Update(1111901, 100 * 1024), sized);
        Assert.True(taken.StatusCode == HttpStatusCode.OK, await taken.Content.ReadAsStringAsync());

        var refused = await PostAsync(Update(1111902, 300 * 1024), sized);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("262144", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs, l => l.StartsWith("Error", StringComparison.Ordinal) ||
                                                 l.StartsWith("Critical", StringComparison.Ordinal) ||
                                                 (l.StartsWith("Warning", StringComparison.Ordinal) &&
                                                  l.Contains("Exception", StringComparison.Ordinal)));
    }

    /// <summary>A text message padded with entities (as a long formatted one has) to about that many bytes.</summary>
    private static string Update(long chat, int bytes)
    {
        var update = JsonNode.Parse(TelegramWebhookTests.Text(chat, "how do i prevent malaria", chat))!;
        var entities = new JsonArray();
        var entity = """{"offset":0,"length":3,"type":"bold"}""";
        for (var size = 0; size < bytes; size += entity.Length + 1)
        {
            entities.Add(JsonNode.Parse(entity));
        }

        update["message"]!["entities"] = entities;
        return update.ToJsonString();
    }

    private Task<HttpResponseMessage> PostAsync(string body, bool sized)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        HttpContent content = sized ? new ByteArrayContent(bytes) : new Unsized(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoints.Path) { Content = content };
        request.Headers.Add(TelegramWebhookEndpoints.SecretHeader, TelegramWebhookTests.Secret);
        return http.SendAsync(request);
    }

    /// <summary>A body sent chunked, without Content-Length, so only reading it finds its size.</summary>
    private sealed class Unsized(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
