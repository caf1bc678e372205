using System.Diagnostics;
using System.Globalization;

namespace HealthBot.Cli;

/// <summary>
/// A server under benchmark, run as a child process (<c>dotnet healthbot.dll ARGS</c>) in its own working directory,
/// and what the kernel says about it: CPU time, bytes written to storage (<c>/proc/PID/io</c> write_bytes, which
/// counts page-cache writes, so SQLite's WAL and checkpoints alike) and resident memory (<c>/proc/PID/status</c>).
/// </summary>
public sealed class BenchProcess : IDisposable
{
    private readonly Process process;

    private BenchProcess(Process process, string name) => (this.process, Name) = (process, name);

    public string Name { get; }

    public int Id => process.Id;

    public static BenchProcess Start(
        string name,
        string workingDirectory,
        IReadOnlyList<string> args,
        IDictionary<string, string> environment,
        string? dll = null)
    {
        // Run by `dotnet healthbot.dll bench`, the same dotnet host; run by the apphost, the one on the PATH.
        var host = Environment.ProcessPath is { } own && own.EndsWith("dotnet", StringComparison.Ordinal)
            ? own
            : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll ?? Path.Combine(AppContext.BaseDirectory, "healthbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"{name}: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BenchProcess(process, name);
    }

    /// <summary>Waits for <paramref name="path"/> to answer 2xx; returns the seconds since start.</summary>
    public async Task<double> WaitReadyAsync(HttpClient http, string path, Stopwatch since)
    {
        while (since.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode}");
            }

            try
            {
                using var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return since.Elapsed.TotalSeconds;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{Name} did not answer {path} within 180 s");
    }

    public Sample Read()
    {
        process.Refresh();
        return new Sample(process.TotalProcessorTime, ProcField("io", "write_bytes:"),
            ProcField("status", "VmRSS:") * 1024, ProcField("status", "VmHWM:") * 1024);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private long ProcField(string file, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/{file}"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var value = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(value, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return -1; // not Linux, or the process is gone: reported as negative rather than failing the run
    }

    /// <summary>CPU time so far, bytes written so far, resident set and its peak (bytes).</summary>
    public readonly record struct Sample(TimeSpan Cpu, long WriteBytes, long Rss, long PeakRss);
}
