using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// Africa's Talking signs no callback, so each URL registered in their dashboard carries our secret
/// (<c>?secret=…</c>), compared in constant time, and optionally only listed addresses may call. Checked before the
/// body is read: a forged call costs no parsing and stores nothing.
/// </summary>
public static class AtCallbackGuard
{
    public const string SecretParameter = "secret";

    /// <summary>Not configured: 404. Address not listed: 403. No secret: 401. Wrong secret: 403. Else null.</summary>
    public static IResult? Refuse(HttpContext http, AfricasTalkingOptions options)
    {
        if (!options.CanReceive)
        {
            return Results.Problem(statusCode: 404, title: "Not found",
                detail: "Africa's Talking is not configured here");
        }

        if (!IsAllowed(http.Connection.RemoteIpAddress, options.AllowedAddresses))
        {
            return Results.Problem(statusCode: 403, title: "Forbidden",
                detail: "this address may not call the Africa's Talking URLs");
        }

        var given = http.Request.Query[SecretParameter];
        if (given.Count == 0 || given.ToString().Length == 0)
        {
            return Results.Problem(statusCode: 401, title: "Unauthorized",
                detail: "the callback URL must carry ?secret= (AfricasTalking__CallbackSecret)");
        }

        return given.Count == 1 && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(options.CallbackSecret))
            ? null
            : Results.Problem(statusCode: 403, title: "Forbidden", detail: "wrong secret");
    }

    /// <summary>The form body, or the reason it cannot be read (for a 400).</summary>
    public static async Task<(IFormCollection? Form, IResult? Refused)> FormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return (null, Bad("the body must be application/x-www-form-urlencoded, as Africa's Talking posts it"));
        }

        try
        {
            // Read by hand: ASP.NET's form feature refuses a value with a control character (a NUL some phones send),
            // which would lose the message; InboundText drops such characters when it is stored.
            using var reader = new FormReader(http.Request.Body) { ValueCountLimit = 64, ValueLengthLimit = 64 * 1024 };
            return (new FormCollection(await reader.ReadFormAsync(http.RequestAborted)), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, Bad("the form cannot be read: " + ex.Message));
        }
    }

    private static IResult Bad(string reason) =>
        Results.Problem(statusCode: 400, title: "Invalid callback", detail: reason);

    /// <summary>An in-memory test server has no remote address; it stands for the same machine.</summary>
    private static bool IsAllowed(IPAddress? remote, string[] allowed)
    {
        if (allowed.Length == 0)
        {
            return true;
        }

        var caller = remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote;
        return allowed.Select(IPAddress.Parse)
            .Any(a => caller is null ? IPAddress.IsLoopback(a) : a.Equals(caller));
    }
}
