using System.Net;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Sms;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// Kannel sends this deployment's SMS, at most one SMS part per message (Kannel:MaxSegments); Africa's Talking, which
/// has no such limit, answers the SMS it received. The answer is shaped for Africa's Talking: one whole message, not
/// Kannel's one-part pieces.
/// </summary>
public sealed class ShapedForTheAnsweringProviderTests : IAsyncLifetime
{
    private LocalAfricasTalkingPeer at = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        at = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        factory = new HealthBotFactory(settings: KannelChosen(at));
        at.CallbackClient = factory.Client();
        at.CallbackBaseUrl = "https://localhost" + AfricasTalkingWebhookEndpoints.Base;
        at.CallbackSecret = AfricasTalkingWebhookTests.Secret;
    }

    /// <summary>
    /// Africa's Talking's settings, with Kannel the chosen SMS sender at one part per message and reachable nowhere:
    /// nothing may go through it.
    /// </summary>
    internal static Dictionary<string, string?> KannelChosen(LocalAfricasTalkingPeer at)
    {
        var settings = AfricasTalkingEndToEndTests.Settings(at);
        settings["Channels:Sms:Provider"] = "kannel";
        settings["Kannel:MaxSegments"] = "1";
        settings["Kannel:SendSmsUrl"] = "http://127.0.0.1:9/cgi-bin/sendsms";
        settings["Kannel:Username"] = "hb";
        settings["Kannel:Secret"] = "kannel-secret-for-tests";
        return settings;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await at.DisposeAsync();
    }

    [Fact]
    public async Task An_answer_through_africas_talking_is_not_cut_to_kannels_parts()
    {
        const string person = "+254711000981";
        Assert.Equal(HttpStatusCode.OK, await at.PersonSendsAsync(person, "how do i make ORS at home"));

        await Eventually.WaitForAsync(() => at.Sent.Count(s => s.To == person), n => n > 0, "the answer", 30000);
        await factory.WaitIdleAsync();

        var answer = Assert.Single(at.Sent, s => s.To == person);
        Assert.Contains("ORS", answer.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(SmsSegments.Analyze(answer.Message).Segments > 1, $"{answer.Message.Length} characters");
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'out'"));
    }
}
