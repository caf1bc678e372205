using HealthBot.Operability;
using HealthBot.Data;
using HealthBot.Llm;
using Microsoft.Extensions.Options;

namespace HealthBot.Cli;

/// <summary>The services of the web host without the web server or background loops, for one-shot commands.</summary>
public static class CommandHost
{
    /// <summary>
    /// Shows the service's log lines (Information and up) on stderr; without it, warnings and errors only.
    /// </summary>
    public const string VerboseFlag = "--verbose";

    /// <param name="settings">Settings under the arguments (the running service's, for an evaluation it runs privately).</param>
    public static IHost? Build(string[] args, Action<IServiceCollection>? configure = null, IConfiguration? settings = null)
    {
        var host = BuildWithoutDatabase(args, configure, settings);
        if (host is null || !host.Services.TryMigrateDatabase() || !host.Services.TryLoadModel())
        {
            host?.Dispose();
            return null;
        }

        // Commands answer with what the service serves: the files plus the versions published in the workspace,
        // applied as soon as the command loads the content.
        host.Services.GetService<HealthBot.Admin.PublishedContentOverlay>()?.StartAsync(CancellationToken.None);
        return host;
    }

    /// <summary>
    /// The services with valid settings, without opening (or creating, or migrating) the database: for commands that
    /// work on the database files themselves (backup, restore, doctor).
    /// </summary>
    public static IHost? BuildWithoutDatabase(
        string[] args, Action<IServiceCollection>? configure = null, IConfiguration? settings = null)
    {
        var verbose = args.Contains(VerboseFlag);
        var builder = Host.CreateApplicationBuilder([.. args.Where(a => a != VerboseFlag)]);
        if (settings is not null)
        {
            builder.Configuration.AddConfiguration(settings);
            builder.Configuration.AddCommandLine([.. args.Where(a => a != VerboseFlag)]);
        }

        // Commands print for people (a conversation, a progress line, a report on stdout); log lines go to stderr, and
        // only when they matter. The Logging section of appsettings.json is the service's (Information), so its rules
        // are dropped here instead of filling a chat with "Applied database migration" lines.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.PostConfigure<LoggerFilterOptions>(o =>
        {
            o.Rules.Clear();
            o.MinLevel = verbose ? LogLevel.Information : LogLevel.Warning;
        });
        builder.Services.AddHealthBot(builder.Configuration);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        if (!host.Services.SettingsAreValid())
        {
            host.Dispose();
            return null;
        }

        return host;
    }
}
