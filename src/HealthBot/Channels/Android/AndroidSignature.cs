using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HealthBot.Channels.Android;

/// <summary>
/// The app's webhook signature (https://docs.sms-gate.app/features/webhooks/#payload-signing): X-Signature is the
/// hex HMAC-SHA256, keyed with the signing key, of the raw body as sent followed by the X-Timestamp value (Unix
/// seconds, UTC).
/// </summary>
public static class AndroidSignature
{
    public const string SignatureHeader = "X-Signature";
    public const string TimestampHeader = "X-Timestamp";

    public static string Compute(string signingKey, ReadOnlySpan<byte> body, string timestamp) =>
        Convert.ToHexStringLower(Mac(signingKey, body, timestamp));

    /// <summary>Null when the signature and timestamp hold; otherwise the reason (for a 403).</summary>
    public static string? Check(
        string signingKey, ReadOnlySpan<byte> body, string? timestamp, string? signature, DateTimeOffset now,
        TimeSpan maxSkew)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return "X-Signature and X-Timestamp are required";
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return "X-Signature is not hexadecimal";
        }

        // Compare before looking at the timestamp, so an unsigned caller learns nothing about our clock.
        if (!CryptographicOperations.FixedTimeEquals(given, Mac(signingKey, body, timestamp)))
        {
            return "wrong signature";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return "X-Timestamp must be Unix seconds";
        }

        var skew = (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration();
        return skew > maxSkew ? $"X-Timestamp is {(int)skew.TotalSeconds} s away from our clock (a replay?)" : null;
    }

    private static byte[] Mac(string signingKey, ReadOnlySpan<byte> body, string timestamp)
    {
        var message = new byte[body.Length + Encoding.UTF8.GetByteCount(timestamp)];
        body.CopyTo(message);
        Encoding.UTF8.GetBytes(timestamp, message.AsSpan(body.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), message);
    }
}
