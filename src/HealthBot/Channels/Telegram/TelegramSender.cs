using System.Globalization;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// Sends with sendMessage (https://core.telegram.org/bots/api#sendmessage) in HTML parse mode, the stored Markdown
/// converted and escaped by <see cref="TelegramHtml"/>. The help reply carries a keyboard of the languages (what
/// <c>/language</c> shows). Telegram has no delivery reports and no way to look a message up, so a send left in doubt
/// is sent again (at least once, never lost). A 429 is flood control for the whole bot
/// (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this): every send waits its
/// retry_after, not only the refused one.
/// </summary>
public sealed class TelegramSender(TelegramApi api, TimeProvider time) : IChannelSender
{
    private readonly Lock gate = new();
    private DateTimeOffset heldUntil = DateTimeOffset.MinValue;

    public IReadOnlyCollection<string> Channels { get; } = [TelegramProvider.Channel];

    public string? Provider => TelegramProvider.Name;

    public async Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct)
    {
        if (!api.Settings.CanSend)
        {
            return new SendResult.Fail("not-configured", "Telegram__BotToken is not set");
        }

        if (!long.TryParse(item.To, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat))
        {
            return new SendResult.Fail("telegram-not-a-chat", "the address is not a Telegram chat id");
        }

        if (Held() is { } wait)
        {
            // Not asked at all, so nothing is in doubt; the outbox keeps it until Telegram's pause is over.
            return new SendResult.Retry("telegram 429: flood control, every send waits", InDoubt: false, wait);
        }

        return await ProviderHttp.GuardAsync(async () =>
        {
            var answer = await api.CallAsync("sendMessage", Body(chat, item, html: true), ct);
            if (!answer.Ok && answer.ErrorCode == 400 &&
                answer.Description.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase))
            {
                // Our HTML was refused: the person still gets the words, unformatted and without Markdown's marks.
                answer = await api.CallAsync("sendMessage", Body(chat, item, html: false), ct);
            }

            var result = Map(chat, answer);
            if (result is SendResult.Retry { InDoubt: false, After: { } after })
            {
                Hold(after);
            }

            return result;
        }, ct);
    }

    /// <summary>How long every send still waits after a 429; null when Telegram has not asked us to wait.</summary>
    private TimeSpan? Held()
    {
        lock (gate)
        {
            var left = heldUntil - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    private void Hold(TimeSpan after)
    {
        lock (gate)
        {
            var until = time.GetUtcNow() + after;
            heldUntil = until > heldUntil ? until : heldUntil;
        }
    }

    /// <summary>Telegram's answer as a send result: 429 waits retry_after, 5xx retries, 403: the person left.</summary>
    public static SendResult Map(long chat, TelegramAnswer answer)
    {
        if (answer.Ok)
        {
            return TelegramUpdate.Long(answer.Result, "message_id", out var id)
                ? new SendResult.Sent(ProviderId(chat, id), "sent")
                : new SendResult.Sent(null, "sent");
        }

        var code = answer.ErrorCode.ToString(CultureInfo.InvariantCulture);
        var reason = answer.Description.Length > 0 ? answer.Description : $"HTTP {answer.HttpStatus}";
        if (answer.ErrorCode == 429 || answer.HttpStatus == 429)
        {
            // Refused before it was taken: nothing is in doubt.
            var after = answer.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            return new SendResult.Retry("telegram 429", InDoubt: false, after) { Detail = reason };
        }

        if (answer.HttpStatus >= 500 || answer.ErrorCode >= 500)
        {
            // The description is Telegram's free text: stored for staff (Detail), never in the log line (Error).
            return new SendResult.Retry($"telegram {code}") { Detail = reason };
        }

        var shortCode = $"{code} {reason}";
        shortCode = shortCode.Length <= 64 ? shortCode : shortCode[..64].TrimEnd();
        // "Forbidden: bot was blocked by the user", "…: user is deactivated": no message will reach them again.
        var gone = answer.ErrorCode == 403 && (reason.Contains("blocked", StringComparison.OrdinalIgnoreCase) ||
                                               reason.Contains("deactivated", StringComparison.OrdinalIgnoreCase));
        return new SendResult.Fail(shortCode, reason, RecipientOptedOut: gone);
    }

    public static string ProviderId(long chat, long messageId) =>
        string.Create(CultureInfo.InvariantCulture, $"tg:{chat}:{messageId}");

    private static Dictionary<string, object> Body(long chat, OutboxItem item, bool html)
    {
        var body = new Dictionary<string, object>
        {
            ["chat_id"] = chat,
            ["text"] = html ? TelegramHtml.FromMarkdown(item.Body) : TelegramHtml.ToPlain(item.Body),
            ["link_preview_options"] = new { is_disabled = true },
        };
        if (html)
        {
            body["parse_mode"] = "HTML";
        }

        if (item.Kind == ReplyKind.Help)
        {
            body["reply_markup"] = LanguageKeyboard();
        }

        return body;
    }

    /// <summary>A one-time keyboard of the languages: tapping one sends its name, which switches to it.</summary>
    public static object LanguageKeyboard() => new
    {
        keyboard = TelegramCommands.LanguageNames.Values.Chunk(3)
            .Select(row => row.Select(name => new { text = name }).ToArray()).ToArray(),
        one_time_keyboard = true,
        resize_keyboard = true,
    };
}
