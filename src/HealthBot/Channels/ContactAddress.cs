namespace HealthBot.Channels;

/// <summary>
/// How a person's address is stored, whichever provider carried the message: without a provider's scheme naming the
/// channel (Twilio's <c>whatsapp:+254…</c>, in any case), so a WhatsApp person reached later through another WhatsApp
/// provider is the same contact. The channel is stored beside the address, so the scheme adds nothing.
/// </summary>
public static class ContactAddress
{
    public static string Canonical(string channel, string address)
    {
        var trimmed = address.Trim();
        var scheme = channel + ":";
        return trimmed.Length > scheme.Length && trimmed.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? trimmed[scheme.Length..].Trim()
            : trimmed;
    }

    /// <summary>The address in a provider's own form: its scheme put back when it uses one for the channel.</summary>
    public static string WithScheme(string channel, string address) =>
        address.StartsWith(channel + ":", StringComparison.OrdinalIgnoreCase) ? address : $"{channel}:{address}";
}
