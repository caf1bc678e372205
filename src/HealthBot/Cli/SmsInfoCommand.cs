using HealthBot.Sms;

namespace HealthBot.Cli;

/// <summary><c>healthbot sms-info "TEXT"</c>: exactly one line, <c>encoding=GSM-7 segments=N units=M</c>.</summary>
public static class SmsInfoCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: healthbot sms-info \"TEXT\"   (quote the text so it is one argument)");
            return Task.FromResult(2);
        }

        Console.Out.WriteLine(SmsSegments.Analyze(args[0]).ToString());
        return Task.FromResult(0);
    }
}
