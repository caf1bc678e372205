using System.Globalization;

namespace HealthBot.Llm;

/// <summary><c>healthbot model download URL --sha256 HEX [--to DIR]</c> and <c>healthbot model info PATH</c>.</summary>
public static class ModelCommand
{
    public const string Usage = "model download URL --sha256 HEX [--to DIR] | model info PATH";

    public static async Task<int> RunAsync(string[] args)
    {
        return args.FirstOrDefault() switch
        {
            "info" when args.Length == 2 => Info(args[1]),
            "download" when args.Length >= 2 => await DownloadAsync(args[1..]),
            _ => PrintUsage(),
        };
    }

    private static int PrintUsage()
    {
        Console.Error.WriteLine("usage: healthbot model download URL --sha256 HEX [--to DIR]   (default DIR: models)");
        Console.Error.WriteLine("       healthbot model info PATH");
        return 2;
    }

    /// <summary>Reads only the GGUF header: instant, and works for any file whether or not this box can run it.</summary>
    public static int Info(string path)
    {
        GgufInfo file;
        try
        {
            file = GgufFile.Read(path);
        }
        catch (ModelFileException ex)
        {
            Console.Error.WriteLine($"healthbot model info: {ex.Message}");
            return 1;
        }

        var lines = new (string Name, string Value)[]
        {
            ("file", $"{Path.GetFullPath(path)} ({file.FileBytes / 1048576.0:0.0} MB, GGUF v{file.Version})"),
            ("name", file.GetString("general.name") ?? "-"),
            ("architecture", file.Architecture),
            ("parameters", $"{file.ParameterCount:N0} ({Rounded(file.ParameterCount)})"),
            ("quantization", GgufNames.Quantization(file)),
            ("context length", file.ContextLength?.ToString(CultureInfo.InvariantCulture) ?? "-"),
            ("chat template", file.HasChatTemplate ? "yes" : "no (not an instruction-tuned chat model?)"),
        };
        foreach (var (name, value) in lines)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name + ":",-16}{value}"));
        }

        return 0;
    }

    public static string Rounded(long count) => count switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{count / 1e9:0.0}B"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{count / 1e6:0.0}M"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{count / 1e3:0.0}K"),
    };

    private static async Task<int> DownloadAsync(string[] args)
    {
        var sha = Option(args, "--sha256");
        if (sha is null || !Uri.TryCreate(args[0], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return PrintUsage();
        }

        var directory = Option(args, "--to") ?? "models";
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        // Progress<T> would post to the thread pool, so the last report could print after the result or not at all.
        var progress = new InlineProgress(p => Console.Error.Write($"\r{ModelDownloader.Bar(p)}   "));
        try
        {
            var path = await new ModelDownloader(http).DownloadAsync(url, sha, directory, progress, CancellationToken.None);
            Console.Error.WriteLine();
            Console.Out.WriteLine($"downloaded and verified: {path}");
            Console.Out.WriteLine($"use it with:  Llm__ModelPath={path}");
            return 0;
        }
        catch (Exception ex) when (ex is ModelDownloadException or HttpRequestException or IOException)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"healthbot model download: {ex.Message}");
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class InlineProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
