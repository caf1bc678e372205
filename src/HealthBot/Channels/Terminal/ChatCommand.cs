using System.Globalization;
using HealthBot.Cli;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;

namespace HealthBot.Channels.Terminal;

/// <summary>
/// <c>healthbot chat</c>: a conversation in the terminal as one contact, through the same store, engine and outbox
/// as SMS, so staff can try content. <c>--explain</c> shows the route, language and top three candidates.
/// </summary>
public static class ChatCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var web = args.Contains("--web");
        var explain = args.Contains("--explain");
        var asIndex = Array.IndexOf(args, "--as");
        var address = asIndex >= 0 && asIndex + 1 < args.Length ? args[asIndex + 1] : "staff-terminal";
        var rest = args.Where((a, i) => a is not ("--web" or "--explain") && i != asIndex && i != asIndex + 1 || asIndex < 0 && a is not ("--web" or "--explain")).ToArray();
        using var host = CommandHost.Build(rest, s => s.AddSingleton<IChannelSender>(new TerminalSender(Console.Out)));
        if (host is null)
        {
            return 1;
        }

        host.Services.LoadContent(watch: true);
        var services = host.Services;
        var catalog = services.GetRequiredService<ContentCatalog>();
        Console.Out.WriteLine($"HealthBot chat — {Plural.Of(catalog.Current.Items.Count, "content item")} loaded. " +
            "Type a message; an empty line or Ctrl+D ends.");
        var contact = await services.GetRequiredService<IContactStore>().GetOrCreateAsync(ChannelNames.Terminal, address);
        while (Console.ReadLine() is { Length: > 0 } line)
        {
            await SendAsync(services, contact, line, web, explain);
        }

        return 0;
    }

    private static async Task SendAsync(IServiceProvider services, Contact contact, string line, bool web, bool explain)
    {
        var messages = services.GetRequiredService<IMessageStore>();
        var time = services.GetRequiredService<TimeProvider>();
        var record = await messages.RecordInboundAsync(new InboundMessage(ChannelNames.Terminal, contact.Address, line, null, time.GetUtcNow()));
        var current = await services.GetRequiredService<IContactStore>().FindAsync(ChannelNames.Terminal, contact.Address) ?? contact;
        var outcome = await services.GetRequiredService<DialogProcessor>()
            .ProcessAsync(new PendingInbound(record.MessageId, current, line, time.GetUtcNow()), CancellationToken.None, web);
        if (explain && outcome is not null)
        {
            var trace = outcome.Trace;
            Console.Out.WriteLine($"  route={trace.Route} language={trace.DetectedLanguage ?? "-"} urgent={(trace.Urgent ? "yes" : "no")}{(trace.FallbackReason is { } why ? $" fallback={why}" : string.Empty)}");
            if (outcome.Alert is { Urgent: true } alert)
            {
                Console.Out.WriteLine($"  triage: {alert.Rule} ({alert.Why ?? "-"})");
            }

            if (outcome.SecondOpinion is { } opinion)
            {
                var verdict = opinion.Alert ? "staff alerted (possible emergency)" : "quiet";
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  second opinion: score={opinion.Score:0.000} threshold={opinion.Threshold:0.00} {verdict}"));
            }

            if (trace.Context is { } context)
            {
                Console.Out.WriteLine($"  context: {context}");
            }

            foreach (var c in trace.Candidates)
            {
                Console.Out.WriteLine($"  candidate {c.ContentId} ({c.Language}) score={c.Score.ToString("0.000", CultureInfo.InvariantCulture)}");
            }
        }

        // Only the terminal's own replies: SMS waiting in a shared database belong to the running service.
        await services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None, [ChannelNames.Terminal]);
    }
}
