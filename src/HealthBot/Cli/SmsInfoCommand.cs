using HealthBot.Sms;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot sms-info "TEXT"</c>: first line <c>encoding=GSM-7 segments=N units=M</c> for the text as given; when
/// the sender would change it (typographic punctuation, accents GSM-7 cannot carry), a second line
/// <c>as sent: encoding=… segments=… units=… text=…</c> for what would leave, measured by
/// <see cref="OutgoingSms.Measure"/> as replies are. Without a language every language's accent clashes count.
/// </summary>
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
        var sent = OutgoingSms.Measure(args[0], language: null);
        if (sent.Changed)
        {
            Console.Out.WriteLine($"as sent: {sent.Info} text={sent.Text}");
        }

        return Task.FromResult(0);
    }
}
