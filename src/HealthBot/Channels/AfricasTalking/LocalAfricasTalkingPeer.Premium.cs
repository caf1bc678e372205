using System.Collections.Concurrent;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// A premium (on-demand) short code, as https://developers.africastalking.com/docs/sms/premium documents it: each
/// message a person sends comes with a <c>linkId</c>; a send must say <c>bulkSMSMode=0</c> and the service's
/// <c>keyword</c>, and a reply carries the linkId of the message it answers, once, to that person only.
/// </summary>
public sealed partial class LocalAfricasTalkingPeer
{
    private readonly ConcurrentDictionary<string, (string Number, string ShortCode)> issuedLinks =
        new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> lastLink = new(StringComparer.Ordinal);

    /// <summary>The short code is premium: sends are checked as Africa's Talking checks them.</summary>
    public bool Premium { get; set; }

    public string PremiumKeyword { get; set; } = "HEALTH";

    /// <summary>The linkId that came with the person's last message.</summary>
    public string? LinkIdOf(string number) => lastLink.GetValueOrDefault(number);

    private string IssueLinkId(string from)
    {
        var linkId = "SampleLinkId" + Guid.NewGuid().ToString("N");
        issuedLinks[linkId] = (from, ShortCode);
        lastLink[from] = linkId;
        return linkId;
    }

    /// <summary>Why Africa's Talking would refuse this premium send, or null.</summary>
    private string? PremiumRefusal(IFormCollection form, IReadOnlyList<string> to)
    {
        var linkId = form["linkId"].ToString();
        if (!Premium)
        {
            return linkId.Length > 0 ? "linkId is only valid for a premium short code" : null;
        }

        if (form["bulkSMSMode"] != "0" || form["keyword"] != PremiumKeyword)
        {
            return $"A premium message needs bulkSMSMode=0 and keyword={PremiumKeyword}";
        }

        if (linkId.Length == 0)
        {
            return null;
        }

        // A linkId answers one message of one person, once: it is used up (expired) by its reply. It belongs to the
        // premium service the person wrote to, so it goes only from that short code.
        return to.Count == 1 && issuedLinks.TryRemove(linkId, out var issued) && issued.Number == to[0]
            ? form["from"] == issued.ShortCode ? null
            : $"Invalid linkId: issued for short code {issued.ShortCode}, sent from '{form["from"]}'"
            : "Invalid linkId: not the linkId of this recipient's message, or already used";
    }
}
