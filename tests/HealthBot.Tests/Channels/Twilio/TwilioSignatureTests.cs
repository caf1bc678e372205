using System.Security.Cryptography;
using System.Text;
using HealthBot.Channels.Twilio;
using Twilio.Security;

namespace HealthBot.Tests.Channels.Twilio;

/// <summary>
/// X-Twilio-Signature (https://www.twilio.com/docs/usage/webhooks/webhooks-security). The published vector is the
/// one twilio-python (tests/unit/test_request_validator.py) and twilio-csharp
/// (test/Twilio.Test/Security/RequestValidatorTest.cs) test against; the port and repeated-name vectors are
/// twilio-python's. Each was re-derived with an independent HMAC-SHA1 before being written down here.
/// </summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Published = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    // Deliberately out of order, as twilio-csharp's test has them.
    private static readonly KeyValuePair<string, string>[] Call =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("From", "+14158675309"),
        new("Digits", "1234"),
        new("To", "+18005551212"),
        new("Caller", "+14158675309"),
    ];

    /// <summary>The scheme itself: base64(HMAC-SHA1(token, exactly this string)).</summary>
    private static string Sign(string token, string data) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data)));

    private static KeyValuePair<string, string>[] With(string name, string value) =>
        [.. Call.Where(p => p.Key != name), new(name, value)];

    [Fact]
    public void Reproduces_twilios_published_signature()
    {
        Assert.Equal(Published, TwilioSignature.Compute(Token, Url, Call));
        Assert.Equal(Published, Sign(Token, Url + "CallSidCA1234567890ABCDECaller+14158675309Digits1234From+14158675309To+18005551212"));
        Assert.True(TwilioSignature.IsValid(Token, Url, Call, Published));
    }

    [Fact]
    public void The_api_snippet_that_pairs_the_published_signature_with_caller_ending_5310_does_not_validate()
    {
        // TwilioDevEd/api-snippets security/signature_validation/signature_validation.5.x.rb shows +14158675310 with
        // the signature above; re-deriving both shows the signature belongs to +14158675309, as the libraries say.
        KeyValuePair<string, string>[] snippet =
        [
            new("CallSid", "CA1234567890ABCDE"), new("Caller", "+14158675310"), new("Digits", "1234"),
            new("From", "+14158675310"), new("To", "+18005551212"),
        ];

        Assert.False(TwilioSignature.IsValid(Token, Url, snippet, Published));
        Assert.Equal("GvWf1cFY/Q7PnoempGyD5oXAezc=", TwilioSignature.Compute(Token, Url, snippet));
    }

    public static TheoryData<string, string, string> PortVariants => new()
    {
        // url the request arrived at, signature Twilio sent, what Twilio had signed
        { "https://mycompany.com:443/myapp.php?foo=1&bar=2", Published, "no port" },
        { Url, "kvajT1Ptam85bY51eRf/AJRuM3w=", "https with :443" },
        { "http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=", "http with :80" },
        { "http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", "http with :1234" },
        { "https://mycompany.com:1234/myapp.php?foo=1&bar=2", Published, "no port (a proxy added one)" },
    };

    [Theory]
    [MemberData(nameof(PortVariants))]
    public void Accepts_the_url_with_or_without_its_port_as_twilios_validators_do(string url, string signature, string signed)
    {
        Assert.True(TwilioSignature.IsValid(Token, url, Call, signature), $"signed {signed}, arrived at {url}");
    }

    [Theory]
    [InlineData("https://Bot.Example.org/Webhooks/sms?a=%7e&b=x+y", "https://Bot.Example.org:443/Webhooks/sms?a=%7e&b=x+y")]
    [InlineData("https://Bot.Example.org:443/Webhooks/sms?a=%7e&b=x+y", "https://Bot.Example.org/Webhooks/sms?a=%7e&b=x+y")]
    [InlineData("https://user:pass@bot.example.org/sms", "https://user:pass@bot.example.org:443/sms")]
    [InlineData("https://[2001:db8::1]/sms", "https://[2001:db8::1]:443/sms")]
    [InlineData("https://[2001:db8::1]:8443/sms", "https://[2001:db8::1]/sms")]
    [InlineData("https://bot.example.org?x=1", "https://bot.example.org:443?x=1")]
    public void The_port_variant_edits_only_the_port_and_keeps_the_rest_byte_for_byte(string arrived, string signed)
    {
        // Case and escapes stay as configured; a colon in credentials or an IPv6 literal is not a port.
        Assert.True(TwilioSignature.IsValid(Token, arrived, Call, TwilioSignature.Compute(Token, signed, Call)));
    }

    public static TheoryData<string, string, KeyValuePair<string, string>[], string?> Forgeries => new()
    {
        { "a parameter value changed", Url, With("Digits", "1235"), Published },
        { "a parameter added", Url, [.. Call, new("Body", "hi")], Published },
        { "a parameter dropped", Url, Call[1..], Published },
        { "another path", "https://mycompany.com/other.php?foo=1&bar=2", Call, Published },
        { "another query", "https://mycompany.com/myapp.php?foo=2&bar=2", Call, Published },
        { "another host", "https://evil.example/myapp.php?foo=1&bar=2", Call, Published },
        { "http instead of https", "http://mycompany.com/myapp.php?foo=1&bar=2", Call, Published },
        { "no signature", Url, Call, null },
        { "empty signature", Url, Call, "" },
        { "signature in another case", Url, Call, Published.ToLowerInvariant() },
        { "signature truncated", Url, Call, Published[..^1] },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void Refuses_a_request_that_is_not_what_twilio_signed(string description, string url, KeyValuePair<string, string>[] parameters, string? signature)
    {
        Assert.False(TwilioSignature.IsValid(Token, url, parameters, signature), description);
    }

    [Fact]
    public void Refuses_everything_when_the_auth_token_is_missing_or_wrong()
    {
        Assert.False(TwilioSignature.IsValid("", Url, Call, TwilioSignature.Compute("", Url, Call)));
        Assert.False(TwilioSignature.IsValid("54321", Url, Call, Published));
    }

    [Fact]
    public void Sorts_parameter_names_ordinally_so_capitals_come_before_lower_case()
    {
        KeyValuePair<string, string>[] parameters = [new("b", "1"), new("B", "2"), new("a", "3"), new("A", "4"), new("_x", "5")];

        // Unix-style byte order: 'A' (0x41) < 'B' < '_' (0x5F) < 'a' (0x61); a culture-aware sort would give a, A, b, B.
        Assert.Equal(Sign(Token, Url + "A4B2_x5a3b1"), TwilioSignature.Compute(Token, Url, parameters));
    }

    [Fact]
    public void Signs_repeated_names_once_per_distinct_value_in_value_order()
    {
        // twilio-python's vector: Digits sent as 5678 then 1234 (twilio-python#613, twilio-node#722).
        KeyValuePair<string, string>[] parameters = [new("Sid", "CA123"), new("SidAccount", "AC123"), new("Digits", "5678"), new("Digits", "1234")];

        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.Compute(Token, Url, parameters));
        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.Compute(Token, Url, [.. parameters, new("Digits", "1234")]));
    }

    public static TheoryData<string, Dictionary<string, string>> Forms => new()
    {
        { "https://bot.example.org/webhooks/twilio/sms", new() { ["Body"] = "Dê água ao bebé 💧", ["From"] = "whatsapp:+254700000001", ["NumMedia"] = "0" } },
        { "https://bot.example.org/webhooks/twilio/status?x=1", new() { ["MessageStatus"] = "delivered", ["ErrorCode"] = "", ["a"] = "1", ["Z"] = "2" } },
        { "https://bot.example.org/", new() },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Agrees_with_twilios_own_csharp_validator(string url, Dictionary<string, string> form)
    {
        var ours = TwilioSignature.Compute(Token, url, form);

        Assert.True(new RequestValidator(Token).Validate(url, form, ours));
        Assert.True(TwilioSignature.IsValid(Token, url, form, ours));
    }
}
