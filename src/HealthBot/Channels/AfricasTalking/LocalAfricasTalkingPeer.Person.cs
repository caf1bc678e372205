using System.Net;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// The person's side of the peer: the callbacks Africa's Talking posts (form-encoded) to the URLs registered in the
/// dashboard, <see cref="CallbackBaseUrl"/> + <c>/sms</c>, <c>/dlr</c>, <c>/optout</c>, <c>/subscription</c>,
/// <c>/ussd</c>, each with <c>?secret=</c>.
/// </summary>
public sealed partial class LocalAfricasTalkingPeer
{
    private static readonly HttpClient Http = new();

    /// <summary>HealthBot's /webhooks/africastalking on a real socket.</summary>
    public string CallbackBaseUrl { get; set; } = string.Empty;

    public string CallbackSecret { get; set; } = string.Empty;

    /// <summary>What posts the callbacks: a real socket by default, or a test host's own client.</summary>
    public HttpClient CallbackClient { get; set; } = Http;

    /// <summary>The short code people text and the USSD code they dial.</summary>
    public string ShortCode { get; set; } = "21525";

    public string ServiceCode { get; set; } = "*384*21525#";

    /// <summary>The person texts the short code; <paramref name="id"/> repeats a message for a duplicate.</summary>
    public async Task<HttpStatusCode> PersonSendsAsync(string from, string text, string? id = null) =>
        (await PostAsync("/sms", new()
        {
            ["from"] = from, ["to"] = ShortCode, ["text"] = text, ["date"] = "2027-01-11 09:00:00",
            ["id"] = id ?? Guid.NewGuid().ToString(), ["linkId"] = IssueLinkId(from),
        })).Status;

    /// <summary>A delivery report for a message this peer accepted.</summary>
    public async Task<HttpStatusCode> ReportAsync(string messageId, string status, string? failureReason = null)
    {
        var to = Sent.FirstOrDefault(s => s.MessageId == messageId)?.To ?? "+254700000000";
        var form = new Dictionary<string, string>
        {
            ["id"] = messageId, ["status"] = status, ["phoneNumber"] = to, ["networkCode"] = "63902",
            ["retryCount"] = "0",
        };
        if (failureReason is not null)
        {
            form["failureReason"] = failureReason;
        }

        return (await PostAsync("/dlr", form)).Status;
    }

    /// <summary>The person replied STOP to a Bulk SMS sender id (Africa's Talking's own opt-out).</summary>
    public async Task<HttpStatusCode> OptOutAsync(string phoneNumber) =>
        (await PostAsync("/optout", new() { ["senderId"] = "HEALTHBOT", ["phoneNumber"] = phoneNumber })).Status;

    /// <summary>A premium subscription change: <c>Addition</c> or <c>Deletion</c>.</summary>
    public async Task<HttpStatusCode> SubscriptionAsync(string phoneNumber, string updateType) =>
        (await PostAsync("/subscription", new()
        {
            ["phoneNumber"] = phoneNumber, ["shortCode"] = ShortCode, ["keyword"] = "HEALTH",
            ["updateType"] = updateType,
        })).Status;

    /// <summary>One USSD request; <paramref name="text"/> is every input so far joined with *.</summary>
    public Task<(HttpStatusCode Status, string Body)> UssdAsync(string sessionId, string phoneNumber, string text) =>
        PostAsync("/ussd", new()
        {
            ["sessionId"] = sessionId, ["serviceCode"] = ServiceCode, ["phoneNumber"] = phoneNumber,
            ["networkCode"] = "63902", ["text"] = text,
        });

    /// <summary>Dials the service code: a session whose inputs are sent as Africa's Talking sends them.</summary>
    public AtUssdSession Dial(string phoneNumber) => new(this, phoneNumber);

    /// <summary>Posts a callback form; <paramref name="secret"/> overrides the secret ("" sends none).</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(
        string path, Dictionary<string, string> form, string? secret = null)
    {
        var key = secret ?? CallbackSecret;
        var url = CallbackBaseUrl.TrimEnd('/') + path +
                  (key.Length == 0 ? string.Empty : "?secret=" + Uri.EscapeDataString(key));
        using var response = await CallbackClient.PostAsync(url, new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>A person's USSD session: each input is added to the text, as the network sends it.</summary>
public sealed class AtUssdSession(LocalAfricasTalkingPeer peer, string phoneNumber)
{
    private readonly List<string> inputs = [];

    public string SessionId { get; } = "ATUid_" + Guid.NewGuid().ToString("N");

    /// <summary>Every answer so far, "CON …" or "END …".</summary>
    public List<string> Screens { get; } = [];

    public string Text => string.Join('*', inputs);

    public Task<string> StartAsync() => SendAsync();

    public Task<string> PressAsync(string input)
    {
        inputs.Add(input);
        return SendAsync();
    }

    private async Task<string> SendAsync()
    {
        var (status, body) = await peer.UssdAsync(SessionId, phoneNumber, Text);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"USSD answered {(int)status}: {body}");
        }

        Screens.Add(body);
        return body;
    }
}
