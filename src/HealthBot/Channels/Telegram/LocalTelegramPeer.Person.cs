using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// The person's side of the peer: their updates (https://core.telegram.org/bots/api#update) posted to the webhook
/// with X-Telegram-Bot-Api-Secret-Token as Telegram posts them, or, with no webhook set, kept for getUpdates.
/// </summary>
public sealed partial class LocalTelegramPeer
{
    private static readonly HttpClient Http = new();
    private readonly List<JsonObject> pending = [];
    private readonly SemaphoreSlim updatesWaiting = new(0);
    private long nextUpdateId = 500000000;

    /// <summary>Where updates go (set by setWebhook, or directly by a test); empty: kept for getUpdates.</summary>
    public string WebhookUrl { get; set; } = string.Empty;

    /// <summary>Sent in X-Telegram-Bot-Api-Secret-Token with every webhook.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>Real Telegram wants https; a test of setWebhook may allow http to its loopback address.</summary>
    public bool AllowHttpWebhook { get; set; }

    /// <summary>The last update delivered, for replaying it.</summary>
    public string LastUpdate { get; private set; } = string.Empty;

    /// <summary>The person types <paramref name="text"/>; HealthBot's answer (202: kept for polling).</summary>
    public Task<HttpStatusCode> PersonSendsAsync(long chatId, string text, string? languageCode = "en") =>
        PersonSendsAsync(chatId, "text", JsonValue.Create(text), languageCode);

    /// <summary>A message of any kind: "text", or "sticker", "photo", "voice"… with its object.</summary>
    public Task<HttpStatusCode> PersonSendsAsync(long chatId, string kind, JsonNode content, string? languageCode)
    {
        var from = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Test" };
        if (languageCode is not null)
        {
            from["language_code"] = languageCode;
        }

        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref nextMessageId), ["from"] = from,
            ["chat"] = new JsonObject { ["id"] = chatId, ["first_name"] = "Test", ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), [kind] = content,
        };
        if (kind == "text" && content.GetValue<string>().StartsWith('/'))
        {
            var length = content.GetValue<string>().Split(' ')[0].Length;
            message["entities"] = new JsonArray(new JsonObject
            {
                ["offset"] = 0, ["length"] = length, ["type"] = "bot_command",
            });
        }

        return DeliverAsync(new JsonObject { ["message"] = message });
    }

    /// <summary>The person blocks the bot: a my_chat_member update, and every later send gets 403.</summary>
    public Task<HttpStatusCode> PersonBlocksBotAsync(long chatId)
    {
        blocked[chatId] = true;
        var bot = new JsonObject { ["id"] = 7000000001, ["is_bot"] = true, ["username"] = BotUsername };
        return DeliverAsync(new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["old_chat_member"] = new JsonObject { ["user"] = bot.DeepClone(), ["status"] = "member" },
                ["new_chat_member"] = new JsonObject { ["user"] = bot, ["status"] = "kicked", ["until_date"] = 0 },
            },
        });
    }

    /// <summary>Gives the update its update_id and delivers it: to the webhook, or to the getUpdates queue.</summary>
    public async Task<HttpStatusCode> DeliverAsync(JsonObject update)
    {
        var withId = new JsonObject { ["update_id"] = Interlocked.Increment(ref nextUpdateId) };
        foreach (var (key, value) in update)
        {
            withId[key] = value?.DeepClone();
        }

        if (WebhookUrl.Length == 0)
        {
            lock (pending)
            {
                pending.Add(withId);
            }

            updatesWaiting.Release();
            return HttpStatusCode.Accepted;
        }

        return await PostAsync(withId.ToJsonString(), WebhookSecret);
    }

    /// <summary>Posts a body to the webhook as Telegram does; <paramref name="secret"/> null sends no header.</summary>
    public async Task<HttpStatusCode> PostAsync(string body, string? secret)
    {
        LastUpdate = body;
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoints.SecretHeader, secret);
        }

        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>getUpdates: confirms what is below offset, waits up to timeout seconds for something new.</summary>
    private async Task<IResult> GetUpdatesAsync(JsonObject body, CancellationToken ct)
    {
        if (WebhookUrl.Length > 0)
        {
            return Error(409, "Conflict: can't use getUpdates method while webhook is active; " +
                              "use deleteWebhook to delete the webhook first");
        }

        var offset = (long?)body["offset"] ?? 0;
        var timeout = Math.Clamp((int?)body["timeout"] ?? 0, 0, 50);
        var due = Confirm(offset);
        if (due.Count == 0 && timeout > 0)
        {
            await updatesWaiting.WaitAsync(TimeSpan.FromSeconds(timeout), ct).ConfigureAwait(false);
            due = Confirm(offset);
        }

        return Ok(new JsonArray([.. due.Select(u => u.DeepClone())]));
    }

    private List<JsonObject> Confirm(long offset)
    {
        lock (pending)
        {
            pending.RemoveAll(u => (long)u["update_id"]! < offset);
            return [.. pending];
        }
    }
}
