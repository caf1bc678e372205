using System.Security.Cryptography;
using System.Text;

namespace HealthBot.Content;

/// <summary>
/// Identifies the text people receive from one item version: title, sms, web and urgency. Keywords, examples and
/// review details only help matching or record approval, so they can change within a version (README: "Add 1 every
/// time the facts change").
/// </summary>
public static class ContentHash
{
    public static string Of(ContentItem item)
    {
        // The unit separator cannot occur in content files, so moving text between fields changes the hash.
        var canonical = string.Join('\u001F', item.Title, item.Sms, item.Web, item.Urgent ? "urgent" : "info");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
