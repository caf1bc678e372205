namespace HealthBot.Admin;

/// <summary>
/// What a staff password must be, beyond its length: not one of the most common passwords (also with digits or symbols
/// around it, or with letters swapped for look-alikes), not a run like 123456789012 or abcdefghijkl, not a few
/// characters repeated, and not the name of the account's email address. NIST SP 800-63B section 5.1.1.2 asks for
/// exactly these checks instead of composition rules.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;

    public const int MinDistinct = 5;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Why the password is refused, in words for the person choosing it; null when it is fine.</summary>
    public static string? Problem(string password, string email)
    {
        if (password.Length < MinLength)
        {
            return $"the password needs at least {MinLength} characters";
        }

        var lower = password.ToLowerInvariant();
        var distinct = lower.Distinct().Count();
        if (distinct < MinDistinct)
        {
            return $"the password uses only {distinct} different characters; use at least {MinDistinct}";
        }

        if (IsSequence(lower))
        {
            return "the password is a sequence of neighbouring characters (like 123456 or abcdef), which is guessed first";
        }

        var name = email.Split('@')[0].Trim().ToLowerInvariant();
        if (name.Length >= 3 && lower.Contains(name, StringComparison.Ordinal))
        {
            return "the password contains the name of the account's email address";
        }

        if (IsCommon(lower))
        {
            return "the password is one of the most common passwords (or one with digits or symbols added); choose words of your own";
        }

        return MadeOfGuessableParts(lower, email)
            ? "the password is made of parts that are guessed first (the email's name or domain, common passwords, " +
              "repeated words, digits); add words of your own"
            : null;
    }

    /// <summary>
    /// What is left after taking out the email's name and domain, "healthbot", common passwords and digits: too little
    /// ("marywanjiku2024", "letmeinletmein", "ngo.org12345"). Only when something was taken out, so a random password
    /// of symbols and digits is judged by the other checks.
    /// </summary>
    private static bool MadeOfGuessableParts(string lower, string email) =>
        MadeOfGuessableParts(lower, email, unleet: false) || MadeOfGuessableParts(lower, email, unleet: true);

    private static bool MadeOfGuessableParts(string lower, string email, bool unleet)
    {
        var compact = new string((unleet ? Unleet(lower, 'i') : lower).Where(char.IsLetterOrDigit).ToArray());
        var address = email.Trim().ToLowerInvariant().Split('@');
        var pieces = address.SelectMany(part => part.Split('.', '_', '-', '+'))
            .Concat(address.Select(part => new string(part.Where(char.IsLetterOrDigit).ToArray())))
            .Append("healthbot")
            .Where(p => p.Length >= 3)
            .Concat(Common.Value.Where(c => c.Length >= 4 && c.All(char.IsLetter)))
            .OrderByDescending(p => p.Length);
        var left = compact;
        foreach (var piece in pieces)
        {
            left = left.Replace(piece, string.Empty, StringComparison.Ordinal);
        }

        var letters = left.Count(char.IsLetter);
        return left.Length < compact.Length && letters < 4;
    }

    private static bool IsCommon(string lower)
    {
        var compact = lower.Replace(" ", "", StringComparison.Ordinal);
        var core = compact.Trim("0123456789!@#$%^&*()-_=+.,;:?'\"~`/\\|[]{}<>".ToCharArray());
        string[] candidates = [lower, compact, core, Unleet(core, 'i'), Unleet(core, 'l')];
        return candidates.Any(c => c.Length > 0 && Common.Value.Contains(c));
    }

    // p@ssw0rd is as common as password; a 1 stands for i or l.
    private static string Unleet(string text, char one) => new(text.Select(c => c switch
    {
        '@' or '4' => 'a',
        '3' => 'e',
        '0' => 'o',
        '1' => one,
        '$' or '5' => 's',
        '7' => 't',
        _ => c,
    }).ToArray());

    /// <summary>Most steps go to the next or previous character (9 wraps to 0): 123456789012, abcdefghijkl, zyxwvutsrqpo.</summary>
    private static bool IsSequence(string lower)
    {
        var neighbours = 0;
        for (var i = 1; i < lower.Length; i++)
        {
            var step = lower[i] - lower[i - 1];
            var wrap = (lower[i - 1], lower[i]) is ('9', '0') or ('0', '9');
            neighbours += Math.Abs(step) == 1 || wrap ? 1 : 0;
        }

        return neighbours >= (lower.Length - 1) * 0.8;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("HealthBot.Admin.common-passwords.txt")
            ?? throw new InvalidOperationException("the list of common passwords is missing from the build");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
