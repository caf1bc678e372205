using HealthBot.Maintenance;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot clock</c> says what the box's clock says and whether campaigns are held for it; <c>healthbot clock
/// confirm</c> (for the person on site, after checking the time against a phone) releases a hold, audited as
/// <c>cli</c>, like the workspace's Clock page.
/// </summary>
public static class ClockCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var confirm = args is ["confirm", ..];
        if (args.Length > 0 && !confirm && !args[0].StartsWith('-'))
        {
            Console.Error.WriteLine("usage: healthbot clock [confirm]");
            return 2;
        }

        using var host = CommandHost.Build(confirm ? args[1..] : args);
        if (host is null)
        {
            return 1;
        }

        var clock = host.Services.GetRequiredService<ClockCheck>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Console.WriteLine($"the box's clock says {now:yyyy-MM-dd HH:mm:ss} UTC ({now.ToLocalTime():yyyy-MM-dd HH:mm} " +
                          "local)");
        var problem = clock.Check();
        if (!confirm)
        {
            Console.WriteLine(problem is null ? "campaign messages are not held" : $"campaign messages are held: {problem}");
            if (problem is not null)
            {
                Console.WriteLine($"fix: {(clock.Jumped() is null ? ClockCheck.Fix : ClockCheck.ConfirmFix)}");
            }

            return problem is null ? 0 : 1;
        }

        await host.Services.GetRequiredService<ClockHold>().ConfirmAsync("cli");
        Console.WriteLine(problem is null
            ? "confirmed (nothing was held); recorded in the audit log"
            : $"confirmed: campaign messages go out again (they were held: {problem}); recorded in the audit log");
        return 0;
    }
}
