using System.Diagnostics;
using System.Globalization;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot bench dialog</c>: CPU time per message of each pipeline stage (normalize, language, triage, the
/// learned second opinion, retrieval) and of a whole stored answer (engine + database), over the content's own
/// example questions.
/// </summary>
public static class DialogBenchmark
{
    public static async Task<int> RunAsync(string[] args, int messages)
    {
        var data = Path.Combine(Path.GetTempPath(), "healthbot-bench", Guid.NewGuid().ToString("N"));
        using var host = CommandHost.Build([.. args, $"--Storage:DataDirectory={data}", "--Safety:MaxRepliesPerHour=1000", "--Safety:MaxRepliesPerDay=10000"]);
        if (host is null)
        {
            return 1;
        }

        var services = host.Services;
        services.LoadContent(watch: false);
        var library = services.GetRequiredService<ContentCatalog>().Current;
        var questions = library.Items.SelectMany(i => i.Examples.Select(e => (i.Language, Text: e))).ToList();
        var languages = services.GetRequiredService<ILanguageDetector>();
        var triage = services.GetRequiredService<ITriage>();
        var retriever = services.GetRequiredService<IRetriever>();
        var texts = questions.Select(q => TextNormalizer.Normalize(q.Text)).ToList();
        Report("normalize", messages, i => TextNormalizer.Normalize(questions[i % questions.Count].Text));
        Report("language", messages, i => languages.Detect(texts[i % texts.Count], null));
        Report("triage", messages, i => triage.Assess(texts[i % texts.Count], questions[i % questions.Count].Language));
        var opinion = services.GetRequiredService<HealthBot.Safety.SecondOpinion>();
        Report("second-opinion", messages, i => opinion.Check(texts[i % texts.Count], questions[i % questions.Count].Language));
        Report("retrieval", messages, i => retriever.Retrieve(texts[i % texts.Count], questions[i % questions.Count].Language));
        await ReportStoredAsync(services, questions, Math.Min(messages, 2000), process: false);
        await ReportStoredAsync(services, questions, Math.Min(messages, 2000), process: true);
        var engine = services.GetRequiredService<DialogEngine>();
        var contact = await services.GetRequiredService<IContactStore>().GetOrCreateAsync(ChannelNames.Sms, "+bench-engine");
        Report("engine", Math.Min(messages, 2000), i => engine.HandleAsync(contact with { Language = null }, questions[i % questions.Count].Text, CancellationToken.None).GetAwaiter().GetResult());
        Directory.Delete(data, recursive: true);
        return 0;
    }

    private static void Report(string stage, int n, Action<int> run)
    {
        for (var i = 0; i < 200; i++)
        {
            run(i);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            run(i);
        }

        Print(stage, n, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static async Task ReportStoredAsync(IServiceProvider services, List<(string Language, string Text)> questions, int n, bool process)
    {
        var messages = services.GetRequiredService<IMessageStore>();
        var contacts = services.GetRequiredService<IContactStore>();
        var processor = services.GetRequiredService<DialogProcessor>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var (_, text) = questions[i % questions.Count];
            var address = $"+bench{(process ? "p" : "r")}{i:D8}";
            var record = await messages.RecordInboundAsync(new InboundMessage(ChannelNames.Sms, address, text, null, DateTimeOffset.UtcNow));
            var contact = (await contacts.FindAsync(ChannelNames.Sms, address))!;
            if (process)
            {
                await processor.ProcessAsync(new PendingInbound(record.MessageId, contact, text, DateTimeOffset.UtcNow), CancellationToken.None);
            }
        }

        Print(process ? "stored-answer" : "store-inbound", n, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static void Print(string stage, int n, TimeSpan wall, TimeSpan cpu) =>
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH dialog stage={stage} n={n} wall_ms_per_msg={wall.TotalMilliseconds / n:0.000} cpu_ms_per_msg={cpu.TotalMilliseconds / n:0.000}"));
}
