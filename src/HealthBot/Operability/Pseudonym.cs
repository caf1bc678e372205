using System.Security.Cryptography;
using System.Text;

namespace HealthBot.Operability;

/// <summary>
/// A short keyed hash of a phone number or address, for the rare log line that must correlate a person
/// without naming them. The salt comes from <c>HEALTHBOT_LOG_SALT</c>; without it a per-process random salt is used.
/// </summary>
public static class Pseudonym
{
    private static readonly byte[] Salt = Environment.GetEnvironmentVariable("HEALTHBOT_LOG_SALT") is { Length: > 0 } s
        ? Encoding.UTF8.GetBytes(s)
        : RandomNumberGenerator.GetBytes(32);

    public static string Of(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Salt, Encoding.UTF8.GetBytes(value)))[..12];
}
