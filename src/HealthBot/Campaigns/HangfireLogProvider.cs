using Hangfire.Logging;

namespace HealthBot.Campaigns;

/// <summary>
/// Hangfire logs through one process-wide provider (<c>LogProvider</c> is static, and its classes keep loggers in
/// static fields). This one writes to the host's logging, and once that host is gone (tests start many hosts in one
/// process) it drops the line instead of throwing <see cref="ObjectDisposedException"/> into whatever job or request
/// was logging. It holds the host's logging weakly, so the static loggers do not keep a stopped host alive.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly WeakReference<ILoggerFactory> host = new(factory);

    public ILog GetLogger(string name) => new SafeLog(host, name);

    private sealed class SafeLog(WeakReference<ILoggerFactory> host, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (!host.TryGetTarget(out var factory))
            {
                return false;
            }

            try
            {
                return new Hangfire.AspNetCore.AspNetCoreLogProvider(factory).GetLogger(name)
                    .Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
