using System.Text;
using HealthBot.Channels;
using HealthBot.Channels.Android;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Android;

/// <summary>
/// The webhook signature (https://docs.sms-gate.app/features/webhooks/#payload-signing) against a vector computed
/// with Python's hmac module, as the docs' Python example does; and the phone's /health answers.
/// </summary>
public sealed class AndroidSignatureAndProbeTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1719049571);

    // python3 -c "import hmac,hashlib; print(hmac.new(b'sk-test-123',
    //   b'{\"event\":\"sms:received\"}'+b'1719049571', hashlib.sha256).hexdigest())"
    private const string PythonVector = "fbf22e873db09c38b831664547e2b2754f1075f73db610c9bed81bd05d2f7124";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"sms:received"}""");

    [Fact]
    public void The_signature_is_hex_hmac_sha256_of_body_then_timestamp() =>
        Assert.Equal(PythonVector, AndroidSignature.Compute("sk-test-123", Body, "1719049571"));

    [Theory]
    [InlineData(PythonVector, null)]
    [InlineData("FBF22E873DB09C38B831664547E2B2754F1075F73DB610C9BED81BD05D2F7124", null)]
    [InlineData("fbf22e873db09c38b831664547e2b2754f1075f73db610c9bed81bd05d2f7125", "wrong signature")]
    [InlineData("fbf22e87", "wrong signature")]
    public void Check_accepts_only_the_right_signature(string signature, string? reason) =>
        Assert.Equal(reason,
            AndroidSignature.Check("sk-test-123", Body, "1719049571", signature, At, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Check_refuses_the_right_signature_with_an_old_timestamp() =>
        Assert.Contains("replay", AndroidSignature.Check("sk-test-123", Body, "1719049571", PythonVector,
            At.AddMinutes(5).AddSeconds(1), TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData("health-docs.json", true, "phone answering, battery 94%")]
    [InlineData("health-offline.json", true, "phone answering, battery 94%")]
    [InlineData("health-battery-empty.json", false, "battery 7%")]
    [InlineData("health-all-failing.json", false, "12 failed messages in the last hour")]
    public void The_health_answer_says_whether_the_phone_can_send(string file, bool up, string detail)
    {
        var text = File.ReadAllText(HealthBotFactory.RepositoryPath($"src/HealthBot/Channels/Android/testdata/{file}"));

        Assert.Equal(new ProviderProbe(up, detail), AndroidProbe.Read(text));
    }

    [Theory]
    [InlineData("<html>captive portal</html>")]
    [InlineData("""{"status":"pass"}""")]
    public void An_answer_that_is_not_the_apps_is_down(string text) => Assert.False(AndroidProbe.Read(text).Up);
}
