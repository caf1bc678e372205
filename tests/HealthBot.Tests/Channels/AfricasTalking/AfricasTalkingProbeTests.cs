using HealthBot.Channels.AfricasTalking;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// Africa's Talking in <c>/readyz</c> (and so the staff workspace) and in <c>healthbot doctor</c>: its user data
/// (GET /version1/user) read from the local peer, reachable with the balance, or not, with what to fix.
/// </summary>
public sealed class AfricasTalkingProbeTests : IAsyncLifetime
{
    private LocalAfricasTalkingPeer peer = null!;

    public async Task InitializeAsync() =>
        peer = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);

    public async Task DisposeAsync() => await peer.DisposeAsync();

    [Fact]
    public async Task Readyz_shows_africastalking_answering_with_its_balance()
    {
        peer.Balance = "KES 42.5000";
        await using var factory = new HealthBotFactory(settings: AfricasTalkingEndToEndTests.Settings(peer));

        // The provider is listed from the start; its probe's answer follows once the first probe returns.
        var ready = await Eventually.WaitAsync(() => factory.CreateClient().GetStringAsync("/readyz"),
            r => r.Contains("messaging API answering", StringComparison.Ordinal), "africastalking's probe in /readyz",
            30000);

        Assert.Contains("messaging API answering, balance KES 42.5000", ready, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("right", "ok       africastalking: messaging API answering, balance KES 1785.5000")]
    [InlineData("wrong-key", "PROBLEM  africastalking: the API key is refused (401): check AfricasTalking:Username")]
    [InlineData("unreachable", "PROBLEM  africastalking: not answering")]
    public async Task Doctor_says_whether_africastalking_answers_and_what_to_fix(string setup, string line)
    {
        var data = Directory.CreateTempSubdirectory("healthbot-at-doctor-");
        try
        {
            var run = await CliRun.RunAsync(null, new Dictionary<string, string?>
            {
                ["Storage__DataDirectory"] = data.FullName,
                ["Content__Directory"] = HealthBotFactory.ContentDirectory,
                ["Channels__Sms__Provider"] = AfricasTalkingProvider.Name,
                ["Twilio__AccountSid"] = string.Empty,
                ["AfricasTalking__ApiBaseUrl"] = setup == "unreachable" ? "http://127.0.0.1:9" : peer.BaseUrl,
                ["AfricasTalking__Username"] = LocalAfricasTalkingPeer.Username,
                ["AfricasTalking__ApiKey"] = setup == "wrong-key" ? "atsk_wrong" : peer.ApiKey,
                ["AfricasTalking__CallbackSecret"] = AfricasTalkingWebhookTests.Secret,
            }, TimeSpan.FromSeconds(90), "doctor");

            Assert.Contains(run.Stdout.Split('\n'), l => l.StartsWith(line, StringComparison.Ordinal));
            Assert.DoesNotContain(peer.ApiKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
