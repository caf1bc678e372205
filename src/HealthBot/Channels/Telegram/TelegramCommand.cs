using System.Globalization;
using HealthBot.Cli;

namespace HealthBot.Channels.Telegram;

/// <summary>
/// <c>healthbot telegram set-webhook [URL] | delete-webhook | info</c>: tells Telegram where to post updates
/// (https://core.telegram.org/bots/api#setwebhook) with our secret token, removes it, or shows what Telegram has.
/// The URL defaults to <c>Telegram:PublicBaseUrl</c> + /webhooks/telegram. Neither token nor secret is printed.
/// </summary>
public static class TelegramCommand
{
    public const string Usage = "usage: healthbot telegram set-webhook [https://HOST] | delete-webhook | info";

    public static async Task<int> RunAsync(string[] args)
    {
        var (words, settings) = Split(args);
        if (words.Count == 0 || words[0] is not ("set-webhook" or "delete-webhook" or "info") ||
            words.Count > (words[0] == "set-webhook" ? 2 : 1))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var host = CommandHost.BuildWithoutDatabase([.. settings]);
        if (host is null)
        {
            return 1;
        }

        var api = host.Services.GetRequiredService<TelegramApi>();
        if (!api.Settings.CanSend)
        {
            Console.Error.WriteLine("healthbot telegram: Telegram__BotToken is not set");
            return 1;
        }

        try
        {
            return words[0] switch
            {
                "set-webhook" => await SetAsync(api, words.ElementAtOrDefault(1)),
                "delete-webhook" => Print(await api.CallAsync("deleteWebhook", new { drop_pending_updates = false },
                    CancellationToken.None), "webhook removed; polling (Telegram__Mode=polling) can receive now"),
                _ => await InfoAsync(api),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // The address only: the token is part of every Bot API URL and never printed.
            var why = ex is HttpRequestException http ? http.HttpRequestError.ToString() : "no answer in time";
            Console.Error.WriteLine($"healthbot telegram: cannot reach the Bot API at {api.Settings.ApiBaseUrl} " +
                                    $"({why}); check the internet connection and Telegram__ApiBaseUrl");
            return 1;
        }
    }

    /// <summary>
    /// The command's own words (the subcommand, set-webhook's address) apart from settings given as
    /// <c>--Section:Key value</c>, <c>--Section:Key=value</c> or <c>--verbose</c>, which go to the host.
    /// </summary>
    private static (List<string> Words, List<string> Settings) Split(string[] args)
    {
        var (words, settings) = (new List<string>(), new List<string>());
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-'))
            {
                words.Add(args[i]);
                continue;
            }

            settings.Add(args[i]);
            if (args[i] != CommandHost.VerboseFlag && !args[i].Contains('=', StringComparison.Ordinal) &&
                i + 1 < args.Length)
            {
                settings.Add(args[++i]);
            }
        }

        return (words, settings);
    }

    private static async Task<int> SetAsync(TelegramApi api, string? given)
    {
        var settings = api.Settings;
        var baseUrl = given ?? settings.PublicBaseUrl;
        if (baseUrl.Length == 0 || settings.WebhookSecret.Length == 0)
        {
            Console.Error.WriteLine("healthbot telegram: set Telegram__WebhookSecret and give the public https " +
                                    "address (or Telegram__PublicBaseUrl)");
            return 2;
        }

        if (!TelegramOptions.IsPublicUrl(baseUrl))
        {
            Console.Error.WriteLine($"healthbot telegram: '{baseUrl}' is not an address Telegram can post to: " +
                                    "give an absolute https address without spaces, query (?) or fragment (#)");
            return 2;
        }

        var url = baseUrl.EndsWith(TelegramWebhookEndpoints.Path, StringComparison.Ordinal)
            ? baseUrl
            : baseUrl.TrimEnd('/') + TelegramWebhookEndpoints.Path;

        var answer = await api.CallAsync("setWebhook", new
        {
            url, secret_token = settings.WebhookSecret, allowed_updates = new[] { "message", "edited_message",
                "my_chat_member" },
            drop_pending_updates = false,
        }, CancellationToken.None);
        return Print(answer, $"webhook set to {url}");
    }

    private static async Task<int> InfoAsync(TelegramApi api)
    {
        var me = await api.CallAsync("getMe", new { }, CancellationToken.None);
        if (Print(me, "bot @" + (TelegramUpdate.Str(me.Result, "username") ?? "?")) != 0)
        {
            return 1;
        }

        var info = await api.CallAsync("getWebhookInfo", new { }, CancellationToken.None);
        if (!info.Ok)
        {
            return Print(info, string.Empty);
        }

        var hook = TelegramUpdate.Str(info.Result, "url") is { Length: > 0 } set ? set : "(none: polling or not set)";
        var pending = TelegramUpdate.Long(info.Result, "pending_update_count", out var n) ? n : 0;
        Console.Out.WriteLine($"webhook: {hook}");
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pending updates: {pending}"));
        if (TelegramUpdate.Str(info.Result, "last_error_message") is { Length: > 0 } error)
        {
            Console.Out.WriteLine($"Telegram's last error: {error}");
        }

        return 0;
    }

    private static int Print(TelegramAnswer answer, string done)
    {
        if (answer.Ok)
        {
            Console.Out.WriteLine(done);
            return 0;
        }

        Console.Error.WriteLine($"healthbot telegram: Telegram answered {answer.ErrorCode} {answer.Description}");
        return 1;
    }
}
