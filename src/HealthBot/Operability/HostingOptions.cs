using System.ComponentModel.DataAnnotations;
using System.Net;

namespace HealthBot.Operability;

/// <summary>
/// What the web host trusts and accepts. Bound from the <c>Hosting</c> section; the host names it answers to are
/// the standard <c>AllowedHosts</c> key.
/// </summary>
public sealed class HostingOptions : IValidatableObject
{
    public const string Section = "Hosting";

    /// <summary>
    /// Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed, as addresses or networks (CIDR) separated by
    /// ';'. Anyone else's forwarded headers are ignored. Empty: believe nobody.
    /// </summary>
    public string TrustedProxies { get; set; } = "127.0.0.0/8;::1";

    /// <summary>Largest request body on any endpoint, in bytes; endpoints that need more say so themselves.</summary>
    [Range(typeof(long), "1024", "1073741824")]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest body of a staff upload (the contacts CSV import), in bytes.</summary>
    [Range(typeof(long), "1024", "1073741824")]
    public long MaxImportBodyBytes { get; set; } = 16 * 1024 * 1024;

    public IEnumerable<(IPAddress? Address, IPNetwork? Network)> Proxies() => Entries().Select(Parse);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in Entries())
        {
            if (!IPAddress.TryParse(entry, out _) && !IPNetwork.TryParse(entry, out _))
            {
                yield return new ValidationResult(
                    $"Hosting:TrustedProxies: '{entry}' is neither an IP address nor a network like 10.0.0.0/8");
            }
        }
    }

    private string[] Entries() =>
        TrustedProxies.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (IPAddress?, IPNetwork?) Parse(string entry) =>
        entry.Contains('/', StringComparison.Ordinal) ? (null, IPNetwork.Parse(entry)) : (IPAddress.Parse(entry), null);
}
