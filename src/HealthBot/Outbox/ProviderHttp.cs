using System.Globalization;

namespace HealthBot.Outbox;

/// <summary>How an HTTP provider's answer to a send becomes a <see cref="SendResult"/>, the same for every provider.</summary>
public static class ProviderHttp
{
    /// <summary>
    /// A refused send: a 4xx (wrong credentials, parameters or number) is permanent, since retrying repeats it;
    /// 429 and 5xx are transient. The provider's answer is kept short and only stored, never logged: an error page
    /// may echo the number and the text (<see cref="SendResult.Retry.Detail"/>).
    /// </summary>
    public static SendResult Refused(string provider, int status, string answer)
    {
        var code = $"{provider}-http-{status.ToString(CultureInfo.InvariantCulture)}";
        var reason = answer.Length <= 200 ? answer : answer[..200];
        return status is >= 400 and < 500 and not 429
            ? new SendResult.Fail(code, reason)
            : new SendResult.Retry(code) { Detail = reason.Length > 0 ? reason : null };
    }

    /// <summary>
    /// A failure before any byte of the request left: the name did not resolve, the connection was refused or the
    /// host unreachable (SocketsHttpHandler wraps the connect's SocketException), the proxy tunnel or the TLS
    /// handshake failed. The provider cannot have the message: a plain retry, not in doubt.
    /// </summary>
    public static bool NeverSent(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError
            or HttpRequestError.SecureConnectionError => true,
        HttpRequestError.ConnectionError => ex.InnerException is System.Net.Sockets.SocketException,
        _ => false,
    };

    /// <summary>Runs one send; a connection failure or this send's own timeout is transient.</summary>
    public static async Task<SendResult> GuardAsync(Func<Task<SendResult>> send, CancellationToken ct)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException ex)
        {
            return new SendResult.Retry($"connection: {ex.HttpRequestError}", InDoubt: !NeverSent(ex));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendResult.Retry("timeout");
        }
    }
}
