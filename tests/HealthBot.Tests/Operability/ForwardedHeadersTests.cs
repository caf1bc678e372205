using System.Net;
using HealthBot.Channels.Twilio;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Operability;

/// <summary>
/// Security test #11: Host and X-Forwarded-* decide the URL Twilio signatures are checked against and the host of the
/// sign-in redirect, so forwarded headers count only from configured proxies. On a real socket (client 127.0.0.1).
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Attacker = "evil.example";

    [Fact]
    public async Task Forwarded_host_from_a_client_that_is_not_a_proxy_does_not_choose_the_signature_url()
    {
        await using var factory = Factory(trustedProxies: "10.9.9.9");
        using var client = NoRedirects(factory.StartOnLoopback());
        var form = HealthBotFactory.InboundForm("+254700000901", "how to wash hands");

        var realUrl = new Uri(client.BaseAddress!, "/webhooks/twilio/sms").ToString();

        var forged = await client.SendAsync(Signed($"http://{Attacker}/webhooks/twilio/sms", form, Attacker));
        var real = await client.SendAsync(Signed(realUrl, form, Attacker));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
    }

    [Fact]
    public async Task Forwarded_host_from_a_client_that_is_not_a_proxy_does_not_choose_the_redirect_host()
    {
        await using var factory = Factory(trustedProxies: "10.9.9.9");
        using var client = NoRedirects(factory.StartOnLoopback());
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("X-Forwarded-Host", Attacker);
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(Attacker, response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(client.BaseAddress!.Authority, new Uri(client.BaseAddress, response.Headers.Location).Authority);
    }

    [Fact]
    public async Task A_configured_proxy_still_sets_the_public_host()
    {
        // The default trusts loopback, where a reverse proxy on the same machine connects from.
        await using var factory = Factory(trustedProxies: null);
        using var client = NoRedirects(factory.StartOnLoopback());
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("X-Forwarded-Host", "bot.example.org");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("https://bot.example.org/admin/login", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_outside_AllowedHosts_is_refused_even_through_a_proxy()
    {
        await using var factory = Factory(trustedProxies: null, allowedHosts: "bot.example.org");
        using var client = NoRedirects(factory.StartOnLoopback());
        var direct = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        direct.Headers.Host = Attacker;
        var forwarded = new HttpRequestMessage(HttpMethod.Get, "/admin");
        forwarded.Headers.Host = "bot.example.org";
        forwarded.Headers.Add("X-Forwarded-Host", Attacker);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(direct)).StatusCode);
        var response = await client.SendAsync(forwarded);
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        Assert.DoesNotContain(Attacker, location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_warns_at_start_when_Twilio_has_no_public_base_url()
    {
        await using var factory = Factory(trustedProxies: null);
        factory.StartOnLoopback();

        Assert.Contains(factory.Logs, line => line.Contains("without Twilio:PublicBaseUrl", StringComparison.Ordinal));
    }

    private static HealthBotFactory Factory(string? trustedProxies, string? allowedHosts = null)
    {
        var settings = new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = string.Empty };
        if (trustedProxies is not null)
        {
            settings["Hosting:TrustedProxies"] = trustedProxies;
        }

        if (allowedHosts is not null)
        {
            settings["AllowedHosts"] = allowedHosts;
        }

        return new HealthBotFactory(settings: settings);
    }

    private static HttpClient NoRedirects(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    private static HttpRequestMessage Signed(string url, Dictionary<string, string> form, string forwardedHost)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(HealthBotFactory.AuthToken, url, form));
        request.Headers.Add("X-Forwarded-Host", forwardedHost);
        request.Headers.Add("X-Forwarded-Proto", "http");
        return request;
    }
}
