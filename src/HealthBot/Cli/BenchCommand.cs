using System.Globalization;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot bench webhooks|retrieval|dialog|model|campaign|idle|start|second-opinion</c>: the benchmarks; see
/// <see cref="WebhookBenchmark"/> for the end-to-end one.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "dialog")
        {
            return await DialogBenchmark.RunAsync([], IntOption(args, "--n", 5000));
        }

        if (args.Length > 0 && args[0] == "retrieval")
        {
            var content = Array.IndexOf(args, "--content") is var c and >= 0 && c + 1 < args.Length
                ? args[c + 1]
                : new HealthBot.Content.ContentOptions().ResolveDirectory();
            return RetrievalBenchmark.Run(
                content, IntOption(args, "--queries", 10000), IntOption(args, "--synthetic", 5000));
        }

        if (args.Length > 0 && args[0] == "second-opinion")
        {
            var content = Array.IndexOf(args, "--content") is var c and >= 0 && c + 1 < args.Length
                ? args[c + 1]
                : new HealthBot.Content.ContentOptions().ResolveDirectory();
            return SecondOpinionBenchmark.Run(content);
        }

        if (args.Length > 0 && args[0] == "model")
        {
            return await HealthBot.Llm.ModelBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "campaign")
        {
            return await HealthBot.Campaigns.CampaignBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "idle")
        {
            return await IdleBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "start")
        {
            return await StartBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "accept-server")
        {
            return await AcceptOnlyServer.RunAsync(args[1..]);
        }

        if (args.Length == 0 || args[0] != "webhooks")
        {
            Console.Error.WriteLine(
                "usage: healthbot bench webhooks [--warmup 10000] [--messages 10000] [--rounds 3] [--concurrency 32]");
            Console.Error.WriteLine("                               [--baseline both|insert|accept|none]");
            Console.Error.WriteLine(
                "       healthbot bench retrieval [--queries 10000] [--synthetic 5000] [--content DIR]");
            Console.Error.WriteLine(
                "       healthbot bench model --model PATH [--runs 10] [--tokens 128] [--threads 0]");
            Console.Error.WriteLine("       healthbot bench campaign [--contacts 100000] [--send 20000]");
            Console.Error.WriteLine("       healthbot bench idle [--seconds 60] [-- --Section:Key=value ...]");
            Console.Error.WriteLine(
                "       healthbot bench start [--runs 5] [--messages 20000] [--concurrency 32] [-- --Section:Key=value]");
            Console.Error.WriteLine("       healthbot bench second-opinion [--content DIR]");
            return 2;
        }

        return await WebhookBenchmark.RunAsync(args[1..]);
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length
            && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : fallback;
    }
}
