using System.Net;
using System.Security.Cryptography;
using System.Text;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Twilio;

/// <summary>The signature check as the webhook endpoint applies it to a form body it has parsed itself.</summary>
public sealed class TwilioSignatureWebhookTests : IAsyncLifetime
{
    private const string Path = "/webhooks/twilio/status";
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    /// <summary>Posts <paramref name="form"/> in the given order with a signature over exactly <paramref name="signed"/>.</summary>
    private async Task<HttpResponseMessage> PostAsync(IEnumerable<KeyValuePair<string, string>> form, string signed)
    {
        var signature = Convert.ToBase64String(HMACSHA1.HashData(
            Encoding.UTF8.GetBytes(HealthBotFactory.AuthToken), Encoding.UTF8.GetBytes(HealthBotFactory.PublicBaseUrl + Path + signed)));
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return await factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_repeated_parameter_name_is_verified_the_way_twilio_signs_it()
    {
        // Conversations webhooks repeat MessagingBinding.Address (github.com/twilio/twilio-node/issues/722);
        // Twilio signs each value as its own name+value pair, values sorted.
        KeyValuePair<string, string>[] form =
        [
            new("MessageSid", "SM00000000000000000000000000000001"), new("MessageStatus", "delivered"),
            new("MessagingBinding.Address", "+18550000000"), new("MessagingBinding.Address", "+18330000000"),
        ];

        var response = await PostAsync(form,
            "MessageSidSM00000000000000000000000000000001" + "MessageStatusdelivered" +
            "MessagingBinding.Address+18330000000" + "MessagingBinding.Address+18550000000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Values_joined_with_a_comma_are_not_what_twilio_signed()
    {
        KeyValuePair<string, string>[] form =
        [
            new("MessageSid", "SM00000000000000000000000000000002"), new("MessageStatus", "delivered"),
            new("Tag", "b"), new("Tag", "a"),
        ];

        var response = await PostAsync(form, "MessageSidSM00000000000000000000000000000002MessageStatusdeliveredTagb,a");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
