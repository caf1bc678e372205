using System.Net;
using HealthBot.Data;
using HealthBot.Privacy;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Twilio;

/// <summary>
/// A status callback for a message not (yet) recorded is kept until its send is. Such rows must stay small and
/// not stay forever: the message id is bounded at the webhook, and the periodic sweep removes old ones.
/// </summary>
public sealed class EarlyStatusBoundsTests : IDisposable
{
    private readonly HealthBotFactory factory = new();

    [Fact]
    public async Task A_status_callback_with_an_overlong_message_id_is_refused_and_nothing_is_stored()
    {
        var response = await PostStatusAsync(new string('S', 65));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 64 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM early_status"));

        // A real Twilio SID (34 characters) for a message not recorded yet is kept for when its send is.
        Assert.Equal(HttpStatusCode.OK, (await PostStatusAsync("SM" + new string('a', 32))).StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM early_status"));
    }

    [Fact]
    public async Task The_privacy_sweep_removes_status_callbacks_older_than_a_day_for_messages_never_recorded()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostStatusAsync("SM" + new string('b', 32))).StatusCode);
        using (var connection = factory.Service<Database>().Open())
        {
            connection.Command("INSERT INTO early_status (provider_id, status, at) VALUES ('SMold', 'delivered', @t)")
                .With("@t", DateTimeOffset.UtcNow.AddDays(-2)).ExecuteNonQuery();
        }

        await factory.Service<PrivacyWorker>().SweepAsync(CancellationToken.None);

        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM early_status WHERE provider_id = 'SMold'"));
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM early_status"));
    }

    public void Dispose() => factory.Dispose();

    private Task<HttpResponseMessage> PostStatusAsync(string sid) =>
        factory.PostSignedAsync("/webhooks/twilio/status", new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["MessageStatus"] = "delivered", ["AccountSid"] = HealthBotFactory.AccountSid,
        });
}
