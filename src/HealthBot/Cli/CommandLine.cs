using HealthBot.Channels.Terminal;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot [serve|chat|sms-info|help]</c>. <c>serve</c> (the default) runs the web host; the others are one-shot
/// commands that share the same services and configuration.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, (string Usage, Func<string[], Task<int>> Run)> Commands =
        new(StringComparer.Ordinal)
    {
        ["chat"] = (
            "chat [--web] [--explain] [--as ADDRESS]   talk to the bot in this terminal, as one contact",
            ChatCommand.RunAsync),
        ["sms-info"] = (
            "sms-info TEXT                               encoding, segments and units of TEXT as an SMS",
            SmsInfoCommand.RunAsync),
        ["eval"] = (
            "eval FILE.tsv [--all] [--model PATH]        run an evaluation set through the full pipeline",
            EvalCommand.RunAsync),
        ["campaign"] = (
            "campaign list|show|create|preview|pause|resume|cancel|report|test-send|import|plan   outreach campaigns",
            HealthBot.Campaigns.CampaignCommand.RunAsync),
        ["content"] = (
            "content validate|import [DIR]               " +
            "check content files / record published versions in the database",
            ContentCommand.RunAsync),
        ["bench"] = (
            "bench webhooks|retrieval|dialog|model|campaign|idle  " +
            "load-test webhooks, time retrieval and dialog, measure the model, campaign planning, idle writes",
            BenchCommand.RunAsync),
        ["model"] = (
            "model download URL --sha256 HEX [--to DIR] | model info PATH   fetch or describe a GGUF model",
            HealthBot.Llm.ModelCommand.RunAsync),
        ["contact"] = (
            "contact export|forget ADDRESS [--channel C]  answer a data request: print or erase a person's data",
            ContactCommand.RunAsync),
        ["data"] = (
            "data rekey                                  re-encrypt stored personal data with the current key",
            ContactCommand.RekeyAsync),
        ["twilio-peer"] = (
            "twilio-peer [--port 5099]                   " +
            "a local Twilio API stand-in that prints the replies it receives",
            TwilioPeerCommand.RunAsync),
        ["telegram"] = (
            "telegram set-webhook [URL] | delete-webhook | info  where Telegram posts the bot's updates",
            HealthBot.Channels.Telegram.TelegramCommand.RunAsync),
        ["user"] = (
            "user add EMAIL --role ROLE | set-password EMAIL  staff accounts for /admin (password on stdin)",
            UserCommand.RunAsync),
        ["backup"] = (
            "backup [DIR]                                copy and check every database (default: Backup:Directory)",
            a => Task.FromResult(BackupCommand.Backup(a))),
        ["restore"] = (
            "restore BACKUP                              put a backup back into the stopped data directory",
            a => Task.FromResult(BackupCommand.Restore(a))),
        ["doctor"] = (
            "doctor                                      check the box, the data and the providers; says how to fix",
            DoctorCommand.RunAsync),
        ["clock"] = (
            "clock [confirm]                             the box's time; confirm it is right after a clock jump",
            ClockCommand.RunAsync),
        ["help"] = (
            "help                                        this list",
            _ => Task.FromResult(Usage(Console.Out, 0))),
    };

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Commands.ContainsKey(args[0]) || args[0] is "--help" or "-h"
                            || (!args[0].StartsWith('-') && args[0] != "serve"));

    /// <summary>Arguments for the web host: everything after an optional leading <c>serve</c>.</summary>
    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] is "--help" or "-h")
        {
            return Usage(Console.Out, 0);
        }

        if (!Commands.TryGetValue(args[0], out var command))
        {
            Console.Error.WriteLine($"healthbot: unknown command '{args[0]}'");
            return Usage(Console.Error, 2);
        }

        return await command.Run(args[1..]);
    }

    private static int Usage(TextWriter writer, int exitCode)
    {
        writer.WriteLine("usage: healthbot [command]");
        writer.WriteLine("  serve [--urls URL]                          run the web service (the default)");
        foreach (var (name, (usage, _)) in Commands)
        {
            writer.WriteLine($"  {usage}");
        }

        return exitCode;
    }
}
