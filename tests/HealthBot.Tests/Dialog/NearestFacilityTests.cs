using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Dialog;

/// <summary>
/// The urgent referral names the place to go in the person's own language, and the service will not start without one.
/// </summary>
public sealed class NearestFacilityTests(NearestFacilityTests.Host host) : IClassFixture<NearestFacilityTests.Host>
{
    public sealed class Host : IDisposable
    {
        public HealthBotFactory Factory { get; } = new(settings: new Dictionary<string, string?>
        {
            // A deployment that only names its English place keeps every other language's default.
            ["Dialog:NearestFacility:en"] = "Kisumu County Hospital",
        });

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("fr", "je suis enceinte et j'ai des convulsions et mal a la tete", "Allez maintenant à l'établissement de santé le plus proche")]
    [InlineData("sw", "nina mimba ya miezi saba na ninatoka damu nyingi", "Nenda kituo cha afya kilicho karibu nawe sasa")]
    [InlineData("pt", "uma cobra mordeu o meu filho agora", "Vá já para a unidade de saúde mais próxima")]
    [InlineData("hi", "मैं गर्भवती हूँ और बहुत खून बह रहा है", "अभी सबसे नज़दीकी स्वास्थ्य केंद्र जाएं")]
    [InlineData("en", "im 8 months pregnant and bleeding a lot", "Go to Kisumu County Hospital now")]
    public async Task The_urgent_referral_is_entirely_in_the_persons_language(string language, string text, string expected)
    {
        var outcome = await ProcessAsync(text);

        var urgent = outcome.Replies[0];
        Assert.Equal(ReplyKind.Urgent, urgent.Kind);
        Assert.Equal(language, urgent.Language);
        Assert.Contains(SmsText(expected, language), urgent.Text, StringComparison.Ordinal);
        if (language != "en")
        {
            Assert.DoesNotContain("Kisumu", urgent.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("health facility", urgent.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("sw")]
    [InlineData("hi")]
    public async Task A_supported_language_without_a_place_stops_the_service_from_starting(string language)
    {
        var run = await CliRun.ServeAsync(
            new Dictionary<string, string?> { [$"Dialog__NearestFacility__{language}"] = " " });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Dialog:NearestFacility has no place for {language}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Dialog__NearestFacility__{language}", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_with_a_language_without_a_place_stops_with_the_reason_not_a_stack_trace()
    {
        var tsv = HealthBotFactory.RepositoryPath("tests/HealthBot.Tests/Evaluation/testdata/smalltalk.tsv");

        var run = await CliRun.RunAsync("eval", tsv, "--Dialog:NearestFacility:pt=");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("healthbot: invalid settings: Dialog:NearestFacility has no place for pt", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>What SMS makes of the text: accents GSM-7 cannot carry are folded, except in Hindi.</summary>
    private static string SmsText(string text, string language) =>
        language == "hi" ? text : HealthBot.Sms.SmartEncoding.FoldToGsm(text);

    private async Task<DialogOutcome> ProcessAsync(string text)
    {
        var address = $"+2547{Random.Shared.Next(10_000_000, 99_999_999)}";
        var record = await host.Factory.Service<IMessageStore>()
            .RecordInboundAsync(new InboundMessage(ChannelNames.Sms, address, text, null, DateTimeOffset.UtcNow));
        var contact = (await host.Factory.Service<IContactStore>().FindAsync(ChannelNames.Sms, address))!;
        var inbound = new PendingInbound(record.MessageId, contact, text, DateTimeOffset.UtcNow);
        return (await host.Factory.Service<DialogProcessor>().ProcessAsync(inbound, CancellationToken.None))!;
    }
}
