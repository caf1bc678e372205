using HealthBot.Content;
using Microsoft.Extensions.Options;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot content validate [DIR]</c>: every problem as <c>file:line: message</c>, then a summary; exit code 1 when
/// anything must be fixed. <c>healthbot content import [DIR]</c>: records the published items as versions in the database.
/// DIR defaults to the configured content folder (<c>Content:Directory</c>).
/// </summary>
public static class ContentCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("validate" or "import"))
        {
            Console.Error.WriteLine("usage: healthbot content validate [DIR]   |   healthbot content import [DIR]");
            return 2;
        }

        // A leading non-option argument is the folder; options (--Content:Directory …) go to configuration.
        var rest = args[1..];
        var directory = rest.Length > 0 && !rest[0].StartsWith('-') ? rest[0] : null;
        var settings = directory is null ? rest : rest[1..];
        return args[0] == "validate" ? Validate(directory, settings) : await ImportAsync(directory, settings);
    }

    private static int Validate(string? directory, string[] settings)
    {
        directory ??= ConfiguredDirectory(settings);
        var report = ContentValidator.Validate(directory);
        foreach (var finding in report.Findings)
        {
            Console.Out.WriteLine(finding.ToString());
        }

        Console.Out.WriteLine(report.Summary);
        return report.Errors > 0 ? 1 : 0;
    }

    private static async Task<int> ImportAsync(string? directory, string[] settings)
    {
        using var host = CommandHost.Build(settings);
        if (host is null)
        {
            return 1;
        }

        var services = host.Services;
        directory ??= services.GetRequiredService<IOptions<ContentOptions>>().Value.ResolveDirectory();
        var library = ContentLoader.Load(directory, services.GetRequiredService<TimeProvider>().GetUtcNow());
        var result = await services.GetRequiredService<ContentImporter>().ImportAsync(library);
        // Files the loader rejected were not imported: they count as errors here too.
        var errors = library.Errors.Concat(result.Errors).ToList();
        foreach (var error in errors)
        {
            Console.Out.WriteLine(error.ToString());
        }

        Console.Out.WriteLine((result with { Errors = errors }).Summary);
        return errors.Count > 0 ? 1 : 0;
    }

    private static string ConfiguredDirectory(string[] settings)
    {
        // Configuration only (appsettings, environment, command line): validating needs no database.
        var builder = Host.CreateApplicationBuilder(settings);
        var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        return options.ResolveDirectory();
    }
}
