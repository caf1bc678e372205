namespace HealthBot.Outbox;

/// <summary>
/// What may be logged of an exception from a provider call or a send: its type and, for connection errors, the kind
/// of error; never its message or stack trace, which can carry a URL with the person's number in its query string
/// (Twilio's ApiConnectionException: "Connection Error: GET https://api.twilio.com/…?To=%2B2547…") or the text.
/// </summary>
public static class LoggedError
{
    /// <summary>A redacted reason, e.g. <c>ApiConnectionException (HttpRequestException: ConnectionError)</c>.</summary>
    public static string Of(Exception ex)
    {
        var reason = ex.GetType().Name + Detail(ex);
        var inner = ex is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[0] : ex.InnerException;
        return inner is null ? reason : $"{reason} ({inner.GetType().Name}{Detail(inner)})";
    }

    /// <summary>
    /// The code at the start of a provider's error (<c>131026 Message undeliverable…</c> → <c>131026</c>,
    /// <c>InsufficientCredit</c>, <c>kannel-http-400</c>), or <c>-</c>: never the free text after it. A long run of
    /// digits is no provider's error number but may be a phone number, so it is not logged either.
    /// </summary>
    public static string Code(string? error)
    {
        var token = (error ?? string.Empty).Trim().Split(' ', ':', ',', ';')[0];
        var digits = token.Count(char.IsAsciiDigit);
        return token.Length is > 0 and <= 40 && digits <= 6 &&
               token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? token
            : "-";
    }

    private static string Detail(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: { } status } => $": http-{(int)status}",
        HttpRequestException http => $": {http.HttpRequestError}",
        global::Twilio.Exceptions.ApiException api => $": http-{api.Status} code {api.Code}",
        _ => string.Empty,
    };
}
