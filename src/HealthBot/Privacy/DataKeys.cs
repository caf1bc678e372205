using System.Security.Cryptography;
using System.Text;
using HealthBot.Data;

namespace HealthBot.Privacy;

/// <summary>The encryption keys by id (the first is current) and the lookup-hash key, read from the environment.</summary>
public sealed record DataKeys(IReadOnlyList<(string Id, byte[] Key)> Keys, byte[] LookupKey, bool FromEnvironment)
{
    public const string DataKeyVariable = "HEALTHBOT_DATA_KEY";
    public const string PreviousKeysVariable = "HEALTHBOT_DATA_KEYS_PREVIOUS";
    public const string LookupKeyVariable = "HEALTHBOT_LOOKUP_KEY";

    public (string Id, byte[] Key) Current => Keys[0];

    /// <summary>Keys from the environment, or a development key file beside the database (with a warning from the caller).</summary>
    /// <summary>The development key's file beside the database, written when no key variable is set.</summary>
    public static string DevelopmentKeyFile(StorageOptions storage) =>
        Path.Combine(Path.GetDirectoryName(storage.DatabasePath)!, "dev-data.key");

    public static DataKeys Load(Func<string, string?> environment, string developmentKeyFile, bool requireEnvironment)
    {
        var current = environment(DataKeyVariable);
        var fromEnvironment = !string.IsNullOrWhiteSpace(current);
        if (!fromEnvironment)
        {
            if (requireEnvironment)
            {
                throw new InvalidOperationException($"{DataKeyVariable} is not set and Privacy:RequireDataKey is true. Generate one with: openssl rand -base64 32");
            }

            current = DevelopmentKey(developmentKeyFile);
        }

        var keys = new List<(string, byte[])> { Parse(current!, "k1") };
        foreach (var previous in (environment(PreviousKeysVariable) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            keys.Add(Parse(previous, $"old{keys.Count}"));
        }

        var lookup = environment(LookupKeyVariable) is { Length: > 0 } l
            ? Parse(l, "lookup").Item2
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, keys[0].Item2, 32, info: Encoding.UTF8.GetBytes("healthbot-lookup"));
        return new DataKeys(keys, lookup, fromEnvironment);
    }

    private static (string, byte[]) Parse(string value, string defaultId)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var (id, base64) = colon > 0 ? (value[..colon], value[(colon + 1)..]) : (defaultId, value);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            // Never echo the value: it is a secret.
            throw new InvalidOperationException(
                $"{DataKeyVariable} (or {PreviousKeysVariable}/{LookupKeyVariable}): key '{id}' is not base64; make one " +
                "with: openssl rand -base64 32");
        }

        if (key.Length != 32)
        {
            throw new InvalidOperationException($"a HealthBot data key must be 32 bytes (base64 of 32 random bytes); key '{id}' has {key.Length}");
        }

        return (id, key);
    }

    private static string DevelopmentKey(string file)
    {
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = "dev:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(file, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
