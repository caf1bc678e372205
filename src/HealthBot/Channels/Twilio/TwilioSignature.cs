using System.Security.Cryptography;
using System.Text;

namespace HealthBot.Channels.Twilio;

/// <summary>
/// X-Twilio-Signature: base64(HMAC-SHA1(authToken, url + each POST parameter name and value, sorted by name)).
/// https://www.twilio.com/docs/usage/webhooks/webhooks-security
/// </summary>
public static class TwilioSignature
{
    /// <summary>
    /// Names are sorted ordinally (Twilio: "Unix-style case-sensitive sorting"). A name sent more than once, as in
    /// Conversations webhooks (MessagingBinding.Address), is signed once per distinct value with the values sorted,
    /// as twilio-python and twilio-node sign it (github.com/twilio/twilio-python/issues/613,
    /// github.com/twilio/twilio-node/issues/722): pass each value as its own pair.
    /// </summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in parameters.Distinct().OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// Checks the signature against the URL as given and with its port removed, or the scheme's default port added
    /// when it has none, as Twilio's own validators do (proxies and Twilio disagree on whether :443 is part of the URL).
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

    /// <summary>
    /// The URL, and the URL without its port or with the default one added, like twilio-python's remove_port/add_port.
    /// Only the authority is edited, as text: rebuilding through <see cref="Uri"/> would lowercase the host and
    /// re-escape the query, and Twilio signs the URL exactly as it was configured.
    /// </summary>
    private static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            yield break;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        authorityEnd = authorityEnd < 0 ? url.Length : authorityEnd;
        var hostStart = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
        hostStart = Math.Max(hostStart, authorityStart);
        // In an IPv6 literal the port colon comes after the closing bracket.
        var bracket = url.LastIndexOf(']', authorityEnd - 1, authorityEnd - hostStart);
        var colon = url.IndexOf(':', Math.Max(hostStart, bracket + 1), authorityEnd - Math.Max(hostStart, bracket + 1));
        if (colon >= 0)
        {
            yield return url[..colon] + url[authorityEnd..];
        }
        else
        {
            var port = url[..schemeEnd].Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
            yield return $"{url[..authorityEnd]}:{port}{url[authorityEnd..]}";
        }
    }
}
