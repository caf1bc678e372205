using Hangfire.Logging;

namespace HealthBot.Campaigns;

/// <summary>
/// Hangfire logs through one process-wide provider (<c>LogProvider</c> is static). This one writes to the host's
/// logging, and once that host is gone (tests start many hosts in one process) it drops the line instead of throwing
/// <see cref="ObjectDisposedException"/> into whatever job or request was logging.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new SafeLog(factory, name);

    private sealed class SafeLog(ILoggerFactory factory, string name) : ILog
    {
        private readonly Hangfire.AspNetCore.AspNetCoreLogProvider inner = new(factory);

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.GetLogger(name).Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
