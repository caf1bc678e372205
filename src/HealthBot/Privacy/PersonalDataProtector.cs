using System.Security.Cryptography;
using System.Text;

namespace HealthBot.Privacy;

/// <summary>
/// Encrypts message bodies and addresses with AES-GCM (authenticated: a changed byte fails to decrypt) and
/// computes the keyed hash used to look a contact up by address without storing it in clear.
/// Stored form: <c>enc1:KEYID:base64(nonce | tag | ciphertext)</c>. Values without the prefix (written before
/// encryption was on) are returned unchanged, and re-encrypted by <c>healthbot data rekey</c>.
/// </summary>
public sealed class PersonalDataProtector(DataKeys keys)
{
    private const string Prefix = "enc1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public bool KeyFromEnvironment => keys.FromEnvironment;

    /// <summary>The keys themselves, for the check value that tells whether they can read the stored data.</summary>
    public DataKeys Keys => keys;

    public string Encrypt(string plaintext)
    {
        var (id, key) = keys.Current;
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + data.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(id));
        return $"{Prefix}{id}:{Convert.ToBase64String(output)}";
    }

    public string Decrypt(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var rest = stored.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        var id = rest[..colon].ToString();
        var key = keys.Keys.FirstOrDefault(k => k.Id == id).Key
            ?? throw new CryptographicException($"no key '{id}' is configured (set {DataKeys.PreviousKeysVariable} to decrypt data written with an older key)");
        var input = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        var plaintext = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(id));
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>The prefix of values written with the current key ("enc1:ID:").</summary>
    public string CurrentPrefix => $"{Prefix}{keys.Current.Id}:";

    public bool IsCurrent(string stored) => stored.StartsWith(CurrentPrefix, StringComparison.Ordinal);

    /// <summary>The lookup hash of an address on a channel (HMAC-SHA256, hex).</summary>
    public string Hash(string channel, string address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(keys.LookupKey, Encoding.UTF8.GetBytes($"{channel}\n{address}")));
}
