using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthBot.Operability;

/// <summary>
/// Settings that cannot work stop the start with one line per problem on stderr, not a stack trace: the person on
/// site reads the line and fixes the setting it names.
/// </summary>
public static partial class StartupProblems
{
    /// <summary>
    /// The checks the host runs on start (ValidateOnStart), run before anything maps or starts: one line per problem on
    /// stderr and false when a setting is wrong.
    /// </summary>
    public static bool SettingsAreValid(this IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception ex) when (Report(ex))
        {
            return false;
        }
    }

    /// <summary>Runs the host until it stops; 0 on a normal stop, 1 when the settings stopped the start.</summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (Report(ex))
        {
            return 1;
        }
    }

    /// <summary>Prints every settings failure in <paramref name="ex"/>; false (nothing printed) otherwise.</summary>
    public static bool Report(Exception ex)
    {
        var failures = Failures(ex).ToList();
        if (failures.Count == 0)
        {
            return false;
        }

        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"healthbot: invalid settings: {failure}");
        }

        return true;
    }

    private static IEnumerable<string> Failures(Exception ex) => ex switch
    {
        OptionsValidationException options => options.Failures.Select(Plain),
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            all.InnerExceptions.SelectMany(Failures),
        _ => [],
    };

    /// <summary>DataAnnotations wraps the message: "… failed for 'X' members: '' with the error: '…'.".</summary>
    private static string Plain(string failure) =>
        WrappedError().Match(failure) is { Success: true } m ? m.Groups["error"].Value : failure;

    [GeneratedRegex("with the error: '(?<error>.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex WrappedError();
}
