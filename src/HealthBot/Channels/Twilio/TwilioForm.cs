using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace HealthBot.Channels.Twilio;

/// <summary>
/// Reads a webhook's application/x-www-form-urlencoded body. Not with <c>ReadFormAsync</c>: ASP.NET Core's form reader
/// refuses a body with an encoded NUL (%00), and a person's message must not be lost for a stray byte
/// (<see cref="InboundText.Clean"/> drops it later).
/// </summary>
public static class TwilioForm
{
    /// <summary>The form, or null when the body is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        // The body is percent-encoded ASCII, so characters and bytes are the same count.
        using var reader = new StreamReader(
            request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
        }

        return length > maxBytes ? null : new FormCollection(QueryHelpers.ParseQuery(new string(buffer, 0, length)));
    }

    public static bool IsUrlEncoded(HttpRequest request) =>
        request.ContentType is { } type
        && type.Split(';')[0].Trim().Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
