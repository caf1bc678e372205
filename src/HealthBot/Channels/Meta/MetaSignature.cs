using System.Security.Cryptography;
using System.Text;

namespace HealthBot.Channels.Meta;

/// <summary>
/// X-Hub-Signature-256: "sha256=" and the hex HMAC-SHA256 of the raw body, keyed with the app secret
/// (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications). Checked on the bytes
/// as received, before any parsing: re-encoding the JSON would change escaped characters and break it.
/// </summary>
public static class MetaSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static string Compute(string appSecret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>Null when the signature holds; otherwise the reason (for a 403).</summary>
    public static string? Check(string appSecret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"{Header} is required (sha256=…)";
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return $"{Header} is not hexadecimal";
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body);
        return CryptographicOperations.FixedTimeEquals(given, expected) ? null : "wrong signature";
    }
}
