using System.Security.Cryptography;
using HealthBot.Privacy;

namespace HealthBot.Tests.Privacy;

public sealed class PersonalDataProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Encrypted_values_round_trip_and_never_contain_the_plaintext()
    {
        var protector = Protector(("HEALTHBOT_DATA_KEY", $"a:{KeyA}"));

        var stored = protector.Encrypt("+254700000001 my baby has fever");

        Assert.DoesNotContain("254700000001", stored, StringComparison.Ordinal);
        Assert.StartsWith("enc1:a:", stored, StringComparison.Ordinal);
        Assert.Equal("+254700000001 my baby has fever", protector.Decrypt(stored));
        Assert.NotEqual(stored, protector.Encrypt("+254700000001 my baby has fever"));
    }

    [Fact]
    public void A_changed_byte_fails_authentication()
    {
        var protector = Protector(("HEALTHBOT_DATA_KEY", $"a:{KeyA}"));
        var stored = protector.Encrypt("hello");
        var bytes = Convert.FromBase64String(stored["enc1:a:".Length..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt("enc1:a:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void After_rotation_old_values_still_decrypt_and_lookups_keep_working()
    {
        var lookup = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var before = Protector(("HEALTHBOT_DATA_KEY", $"a:{KeyA}"), ("HEALTHBOT_LOOKUP_KEY", lookup));
        var after = Protector(("HEALTHBOT_DATA_KEY", $"b:{KeyB}"), ("HEALTHBOT_DATA_KEYS_PREVIOUS", $"a:{KeyA}"), ("HEALTHBOT_LOOKUP_KEY", lookup));
        var old = before.Encrypt("+254700000002");

        Assert.Equal("+254700000002", after.Decrypt(old));
        Assert.False(after.IsCurrent(old));
        Assert.True(after.IsCurrent(after.Encrypt("x")));
        Assert.Equal(before.Hash("sms", "+254700000002"), after.Hash("sms", "+254700000002"));
    }

    [Fact]
    public void Without_the_old_key_data_cannot_be_read()
    {
        var old = Protector(("HEALTHBOT_DATA_KEY", $"a:{KeyA}")).Encrypt("secret");

        var error = Assert.ThrowsAny<CryptographicException>(() => Protector(("HEALTHBOT_DATA_KEY", $"b:{KeyB}")).Decrypt(old));
        Assert.Contains("HEALTHBOT_DATA_KEYS_PREVIOUS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_mode_refuses_to_start_without_a_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DataKeys.Load(_ => null, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "k"), requireEnvironment: true));

        Assert.Contains("HEALTHBOT_DATA_KEY", error.Message, StringComparison.Ordinal);
    }

    private static PersonalDataProtector Protector(params (string Name, string Value)[] environment) =>
        new(DataKeys.Load(name => environment.FirstOrDefault(e => e.Name == name).Value, "/nonexistent/dev.key", requireEnvironment: true));
}
