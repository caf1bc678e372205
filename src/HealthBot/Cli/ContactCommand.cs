using System.Text.Json;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Privacy;

namespace HealthBot.Cli;

/// <summary>
/// Answers data requests: <c>contact export ADDRESS</c> prints everything held about a person as JSON;
/// <c>contact forget ADDRESS</c> erases it at once. <c>data rekey</c> re-encrypts with the current key.
/// </summary>
public static class ContactCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[0] is not ("export" or "forget"))
        {
            Console.Error.WriteLine("usage: healthbot contact export|forget ADDRESS [--channel sms|whatsapp|webchat]");
            return 2;
        }

        var channel = Option(args, "--channel")
            ?? (args[1].StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? "whatsapp" : "sms");
        using var host = CommandHost.Build([.. args.Skip(2).Where(a => a != "--channel" && a != channel)]);
        if (host is null)
        {
            return 1;
        }

        var contact = await host.Services.GetRequiredService<IContactStore>().FindAsync(channel, args[1]);
        if (contact is null)
        {
            Console.Error.WriteLine($"healthbot contact: no {channel} contact with that address");
            return 1;
        }

        var privacy = host.Services.GetRequiredService<IPrivacyStore>();
        if (args[0] == "forget")
        {
            await privacy.ForgetNowAsync(contact.Id);
            Console.Out.WriteLine($"contact #{contact.Id}: number and messages erased; anonymous counts kept");
            return 0;
        }

        var messages = await privacy.AllMessagesAsync(contact.Id);
        Console.Out.WriteLine(JsonSerializer.Serialize(new { contact, messages }, Json));
        return 0;
    }

    public static async Task<int> RekeyAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "rekey")
        {
            Console.Error.WriteLine(
                "usage: healthbot data rekey   (re-encrypts every stored address and message with HEALTHBOT_DATA_KEY)");
            return 2;
        }

        using var host = CommandHost.Build(args[1..]);
        if (host is null)
        {
            return 1;
        }

        var sweep = await host.Services.GetRequiredService<PrivacyWorker>().SweepAsync(CancellationToken.None);
        Console.Out.WriteLine($"re-encrypted {Plural.Of(sweep.Reencrypted, "value")} with the current key");
        if (sweep.Failed > 0)
        {
            Console.Error.WriteLine($"healthbot data: {Plural.Of(sweep.Failed, "step")} of the privacy sweep failed " +
                "(see above); run it again");
            return 1;
        }

        return 0;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
