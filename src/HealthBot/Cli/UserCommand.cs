using HealthBot.Admin;

namespace HealthBot.Cli;

/// <summary><c>healthbot user add EMAIL --role ROLE</c>: creates a staff account (the first admin); the password is read from stdin.</summary>
public static class UserCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var roleAt = Array.IndexOf(args, "--role");
        if (args.Length < 2 || args[0] != "add" || roleAt < 0 || roleAt + 1 >= args.Length)
        {
            Console.Error.WriteLine($"usage: healthbot user add EMAIL --role {string.Join('|', StaffRoles.All)}   (password on stdin or at the prompt)");
            return 2;
        }

        var email = args[1];
        var role = args[roleAt + 1];
        var rest = args.Where((_, i) => i > 1 && i != roleAt && i != roleAt + 1).ToArray();
        using var host = CommandHost.Build(rest);
        if (host is null)
        {
            return 1;
        }

        var password = ReadPassword();
        try
        {
            await host.Services.GetRequiredService<StaffAccounts>().CreateAsync(email, role, password, "cli");
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"healthbot user: {ex.Message}");
            return 2;
        }

        Console.WriteLine($"{email} can now sign in as {role} at /admin");
        return 0;
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? "";
        }

        // Typed at a terminal: no echo, so the password does not stay on screen.
        Console.Error.Write("Password: ");
        var chars = new List<char>();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return new string([.. chars]);
    }
}
