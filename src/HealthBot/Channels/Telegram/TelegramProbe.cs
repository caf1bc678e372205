using System.Globalization;
using System.Text.Json;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// getMe says whether the token works; in webhook mode getWebhookInfo says whether Telegram knows where to post and
/// its last delivery error (https://core.telegram.org/bots/api#getwebhookinfo), shown in /readyz and by
/// <c>healthbot doctor</c> with the fix. In polling mode a webhook that is set (or polling's own 409s) means nothing
/// can be received, so the bot is down then too.
/// </summary>
public sealed class TelegramProbe(TelegramApi api, TelegramPollingState polling) : IProviderProbe
{
    public string Provider => TelegramProvider.Name;

    public async Task<ProviderProbe> ProbeAsync(CancellationToken ct)
    {
        var me = await api.CallAsync("getMe", new { }, ct);
        if (!me.Ok)
        {
            return new ProviderProbe(false, me.ErrorCode == 401
                ? "the Bot API refused the token (is Telegram__BotToken the one @BotFather gave?)"
                : $"the Bot API answered {me.ErrorCode} {me.Description}".TrimEnd());
        }

        var bot = "bot @" + (TelegramUpdate.Str(me.Result, "username") ?? "?");
        var info = await api.CallAsync("getWebhookInfo", new { }, ct);
        if (api.Settings.Polling)
        {
            return Polling(bot, info);
        }

        return info.Ok ? Webhook(bot, info.Result) : new ProviderProbe(false, $"{bot}: getWebhookInfo failed");
    }

    private ProviderProbe Polling(string bot, TelegramAnswer info)
    {
        if (polling.Conflict is { } conflict)
        {
            return new ProviderProbe(false, $"{bot}: {conflict}");
        }

        return info.Ok && TelegramUpdate.Str(info.Result, "url") is { Length: > 0 }
            ? new ProviderProbe(false, $"{bot}: Telegram__Mode=polling, but a webhook is set, so Telegram refuses " +
                                       "getUpdates (409 Conflict) until the running service removes it; run " +
                                       "`healthbot telegram delete-webhook` if it stays")
            : new ProviderProbe(true, bot + ", receiving by polling");
    }

    public static ProviderProbe Webhook(string bot, JsonElement info)
    {
        var url = TelegramUpdate.Str(info, "url") ?? string.Empty;
        if (url.Length == 0)
        {
            return new ProviderProbe(false,
                $"{bot} has no webhook: run `healthbot telegram set-webhook` (or set Telegram__Mode=polling)");
        }

        var pending = TelegramUpdate.Long(info, "pending_update_count", out var n) ? n : 0;
        var detail = string.Create(CultureInfo.InvariantCulture, $"{bot}, webhook set, {pending} updates waiting");
        if (TelegramUpdate.Str(info, "last_error_message") is { Length: > 0 } error && pending > 0)
        {
            // Telegram cannot reach us: its last error is the clue (certificate, timeout, 401 from a wrong secret).
            return new ProviderProbe(false, $"{detail}; Telegram's last error: {error}");
        }

        return new ProviderProbe(true, detail);
    }
}
