using HealthBot.Maintenance;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot doctor</c>: every check with its fix, for the person on site. Exit code 0 only when all is well, so a
/// script (or the installer) can use it too.
/// </summary>
public static class DoctorCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var host = CommandHost.BuildWithoutDatabase(args, s => s.AddSingleton<Doctor>()
            .AddSingleton<SystemChecks>().AddSingleton<DataChecks>().AddSingleton<ServiceChecks>());
        if (host is null)
        {
            return 1;
        }

        var findings = await host.Services.GetRequiredService<Doctor>().RunAsync(CancellationToken.None);
        foreach (var finding in findings)
        {
            Console.Out.WriteLine($"{(finding.Ok ? "ok     " : "PROBLEM")}  {finding.Check}: {finding.Detail}");
            if (!finding.Ok && finding.Fix is not null)
            {
                Console.Out.WriteLine($"         fix: {finding.Fix}");
            }
        }

        var problems = findings.Count(f => !f.Ok);
        Console.Out.WriteLine(problems == 0 ? "all is well" : $"{problems} problems: see the fixes above");
        return problems == 0 ? 0 : 1;
    }
}
