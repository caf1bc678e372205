using System.Text;
using LLama.Native;

namespace HealthBot.Llm;

/// <summary>
/// llama.cpp reports why a file did not load only in its log. Its error lines are kept for the thread that is
/// loading, so the failure can name the reason ("data is not within the file bounds") in one message. Other native
/// log lines are dropped: they are load-time details, and prompts are never logged by llama.cpp.
/// </summary>
internal static class NativeLog
{
    [ThreadStatic]
    private static StringBuilder? capture;

    // Kept in a field: the native side holds only a function pointer to this delegate.
    private static readonly NativeLogConfig.LLamaLogCallback Callback = OnLog;
    private static int installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1)
        {
            return;
        }

        if (NativeLibraryConfig.LLama.LibraryHasLoaded)
        {
            NativeLogConfig.llama_log_set(Callback);
        }
        else
        {
            NativeLibraryConfig.All.WithLogCallback(Callback);
        }
    }

    /// <summary>Runs <paramref name="action"/>, returning its result or the native errors it logged.</summary>
    public static T Capture<T>(Func<T> action, out string errors)
    {
        Install();
        capture = new StringBuilder();
        try
        {
            return action();
        }
        finally
        {
            errors = capture.ToString().Trim();
            capture = null;
        }
    }

    private static void OnLog(LLamaLogLevel level, string message)
    {
        if (level == LLamaLogLevel.Error && capture is { } lines && !message.Contains("failed to load model", StringComparison.Ordinal))
        {
            lines.Append(message.Trim()).Append("; ");
        }
    }
}
