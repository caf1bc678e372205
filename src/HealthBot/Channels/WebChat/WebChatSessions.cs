using System.Security.Cryptography;
using System.Text;
using HealthBot.Privacy;

namespace HealthBot.Channels.WebChat;

/// <summary>
/// Chat ids are issued only by this server: the cookie is <c>id.mac</c>, with an HMAC under a key derived from the
/// lookup key (the same on every node, and unchanged by data key rotation). An id a client made up, or one taken from
/// another site's cookie jar, is refused, so nobody can plant a chat id on someone else (session fixation).
/// </summary>
public sealed class WebChatSessions(DataKeys keys)
{
    private const int IdBytes = 16;
    private const int MacBytes = 16;

    private readonly byte[] key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, keys.LookupKey, 32, info: Encoding.UTF8.GetBytes("healthbot webchat session v1"));

    /// <summary>A new chat: the contact address (the id) and the cookie value that proves it was issued here.</summary>
    public (string Id, string Cookie) Issue()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        return (id, $"{id}.{Mac(id)}");
    }

    /// <summary>The chat id in a cookie value, or null when this server did not issue it.</summary>
    public string? Verify(string cookie)
    {
        var dot = cookie.IndexOf('.', StringComparison.Ordinal);
        if (dot != IdBytes * 2 || cookie.Length != dot + 1 + (MacBytes * 2))
        {
            return null;
        }

        var id = cookie[..dot];
        if (!id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(id));
        var given = Encoding.ASCII.GetBytes(cookie[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? id : null;
    }

    private string Mac(string id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(id)).AsSpan(0, MacBytes));
}
