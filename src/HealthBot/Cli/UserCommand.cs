using HealthBot.Admin;

namespace HealthBot.Cli;

/// <summary>
/// <c>healthbot user add EMAIL --role ROLE</c> creates a staff account (the first admin); <c>healthbot user set-password
/// EMAIL</c> gives an existing one a new password (and ends its sessions). The password is read from stdin.
/// </summary>
public static class UserCommand
{
    private static string Usage => $"usage: healthbot user add EMAIL --role {string.Join('|', StaffRoles.All)}\n" +
                                   "       healthbot user set-password EMAIL\n(password on stdin or at the prompt)";

    public static async Task<int> RunAsync(string[] args)
    {
        var roleAt = Array.IndexOf(args, "--role");
        var add = args is ["add", _, ..] && roleAt > 1 && roleAt + 1 < args.Length;
        if (!add && args is not ["set-password", _, ..])
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var email = args[1];
        var rest = args.Where((_, i) => i > 1 && (!add || (i != roleAt && i != roleAt + 1))).ToArray();
        using var host = CommandHost.Build(rest);
        if (host is null)
        {
            return 1;
        }

        var accounts = host.Services.GetRequiredService<StaffAccounts>();
        var password = ReadPassword();
        try
        {
            if (add)
            {
                await accounts.CreateAsync(email, args[roleAt + 1], password, "cli");
                Console.WriteLine($"{email} can now sign in as {args[roleAt + 1]} at /admin");
            }
            else
            {
                await accounts.SetPasswordAsync(email, password, "cli");
                Console.WriteLine($"{email} has a new password; its open sessions are signed out");
            }

            return 0;
        }
        catch (StaffAccountExistsException ex)
        {
            Console.Error.WriteLine($"healthbot user: {ex.Message}; nothing changed. To give it a new password: healthbot user set-password {email}");
            return 2;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"healthbot user: {ex.Message}");
            return 2;
        }
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
