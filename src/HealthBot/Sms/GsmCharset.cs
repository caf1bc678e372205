namespace HealthBot.Sms;

/// <summary>
/// The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 §6.2.1).
/// Extension characters are sent as ESC + character and so cost two septets.
/// </summary>
public static class GsmCharset
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    public static bool IsBasic(char c) => BasicSet.Contains(c);

    public static bool IsExtension(char c) => ExtensionSet.Contains(c);

    /// <summary>Septets needed for <paramref name="c"/>, or 0 when it is not in the GSM alphabet.</summary>
    public static int Septets(char c) => IsBasic(c) ? 1 : IsExtension(c) ? 2 : 0;

    public static bool CanEncode(string text)
    {
        foreach (var c in text)
        {
            if (Septets(c) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
