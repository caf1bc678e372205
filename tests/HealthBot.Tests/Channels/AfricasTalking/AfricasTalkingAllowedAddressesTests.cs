using System.Net;
using System.Text;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// What the README says of <c>AfricasTalking:AllowedAddresses</c>, on a real socket: the address checked is the client
/// address after <c>Hosting:TrustedProxies</c>, so a loopback caller (a proxy on the box, an SSH tunnel) is judged by
/// the last <c>X-Forwarded-For</c> entry, and with no trusted proxy by its own address.
/// </summary>
public sealed class AfricasTalkingAllowedAddressesTests
{
    private const string Allowed = "10.1.2.3";

    [Theory]
    [InlineData(null, null, HttpStatusCode.Forbidden)]
    [InlineData(null, Allowed, HttpStatusCode.OK)]
    [InlineData(null, "10.1.2.3, 203.0.113.9", HttpStatusCode.Forbidden)]
    [InlineData("", Allowed, HttpStatusCode.Forbidden)]
    public async Task The_allowed_address_is_the_client_after_the_trusted_proxies(
        string? trustedProxies, string? forwardedFor, HttpStatusCode expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AfricasTalking:CallbackSecret"] = AfricasTalkingWebhookTests.Secret,
            ["AfricasTalking:AllowedAddresses:0"] = Allowed,
        };
        if (trustedProxies is not null)
        {
            settings["Hosting:TrustedProxies"] = trustedProxies;
        }

        await using var factory = new HealthBotFactory(settings: settings);
        var root = factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri(root, AfricasTalkingWebhookEndpoints.Base + "/sms?secret=" + AfricasTalkingWebhookTests.Secret))
        {
            Content = new StringContent("from=%2B254711000701&text=hi&id=xff-" + Guid.NewGuid().ToString("N"),
                Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        Assert.Equal(expected, (await http.SendAsync(request)).StatusCode);
    }
}
