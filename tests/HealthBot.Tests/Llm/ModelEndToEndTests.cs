using System.Net;
using System.Text.Json;
using HealthBot.Channels.Twilio;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Llm;

/// <summary>
/// The whole service with the model configured: a person texts and the SMS that goes out is the curated text (the
/// tiny model's gibberish never passes), with its provenance stored. How fast the webhook answers is a benchmark
/// figure (`healthbot bench webhooks`), not a wall-clock assertion here: the first request also starts the host.
/// </summary>
public sealed class ModelEndToEndTests
{
    [ModelFact]
    public async Task An_sms_gets_the_curated_text_and_the_stored_reply_says_why_the_model_was_not_used()
    {
        await using var peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        await using var factory = new HealthBotFactory(peer.BaseUrl, settings: ModelSettings());
        var curated = RepositoryContent.Catalog.Current.Find("diarrhoea-ors", "en")!.Sms;

        var response = await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000101", "how do i make ORS for my child with diarrhoea"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await Eventually.WaitForAsync(() => peer.Received.ToList(), r => r.Count >= 1, "the reply to reach the peer", 60_000);
        Assert.Equal(curated, sent[0].Body);
        Assert.Equal(1, await factory.CountAsync(
            "SELECT COUNT(*) FROM messages WHERE direction = 'out' AND kind = 'answer' AND model_used = 0 AND fallback_reason LIKE 'check-%'"));
    }

    [ModelFact]
    public async Task Readyz_reports_the_model_ready()
    {
        await using var factory = new HealthBotFactory(settings: ModelSettings());

        var body = await factory.CreateClient().GetStringAsync("/readyz");

        Assert.Equal("ready", JsonDocument.Parse(body).RootElement.GetProperty("model").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Without_a_model_answers_are_curated_and_marked_model_off()
    {
        await using var peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        await using var factory = new HealthBotFactory(peer.BaseUrl);

        await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm("+254700000102", "how do i make ORS for my child with diarrhoea"));

        var sent = await Eventually.WaitForAsync(() => peer.Received.ToList(), r => r.Count >= 1, "the reply to reach the peer");
        Assert.Equal(RepositoryContent.Catalog.Current.Find("diarrhoea-ors", "en")!.Sms, sent[0].Body);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND model_used = 0 AND fallback_reason = 'model-off'"));
        var ready = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/readyz")).RootElement;
        Assert.Equal("off", ready.GetProperty("model").GetProperty("state").GetString());
    }

    private static Dictionary<string, string?> ModelSettings() => new()
    {
        ["Llm:ModelPath"] = TestModel.Path,
        ["Llm:Threads"] = "1",
        ["Llm:MaxAnswerTokens"] = "48",
        ["Llm:Optional"] = "false",
    };
}
