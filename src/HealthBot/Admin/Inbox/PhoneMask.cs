namespace HealthBot.Admin.Inbox;

/// <summary>
/// A contact's address as the inbox shows it: enough to tell two people apart on a call (country and network prefix,
/// last three digits), not enough to dial. +254712345123 → +2547•••••123.
/// </summary>
public static class PhoneMask
{
    private const char Dot = '•';

    public static string Mask(string address)
    {
        var keepStart = address.StartsWith('+') ? 5 : 4;
        if (address.Length <= keepStart + 3)
        {
            // Too short to keep both ends: only the last two characters.
            return address.Length <= 2
                ? new string(Dot, address.Length)
                : new string(Dot, address.Length - 2) + address[^2..];
        }

        return address[..keepStart] + new string(Dot, address.Length - keepStart - 3) + address[^3..];
    }
}
