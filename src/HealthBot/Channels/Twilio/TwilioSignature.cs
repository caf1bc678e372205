using System.Security.Cryptography;
using System.Text;

namespace HealthBot.Channels.Twilio;

/// <summary>
/// X-Twilio-Signature: base64(HMAC-SHA1(authToken, url + each POST parameter name and value, sorted by name)).
/// https://www.twilio.com/docs/usage/security#validating-requests
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// Checks the signature against the URL as given and with the default port added or removed, as Twilio's own
    /// validators do (proxies and Twilio disagree on whether :443 is part of the URL).
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var list = parameters.ToList();
        var expected = Encoding.UTF8.GetBytes(signature);
        foreach (var candidate in UrlVariants(url))
        {
            var actual = Encoding.UTF8.GetBytes(Compute(authToken, candidate, list));
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield break;
        }

        var builder = new UriBuilder(uri);
        if (uri.IsDefaultPort && !url.Contains($":{uri.Port}", StringComparison.Ordinal))
        {
            builder.Port = uri.Port;
            yield return builder.Uri.AbsoluteUri.Replace(uri.Host + "/", $"{uri.Host}:{uri.Port}/", StringComparison.Ordinal);
        }
        else if (uri.IsDefaultPort)
        {
            builder.Port = -1;
            yield return builder.Uri.AbsoluteUri;
        }
    }
}
