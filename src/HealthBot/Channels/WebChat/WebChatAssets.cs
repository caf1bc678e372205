using System.Reflection;

namespace HealthBot.Channels.WebChat;

/// <summary>The page's three files, embedded in the program so the service needs no wwwroot folder beside it.</summary>
internal static class WebChatAssets
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type, string ETag)> Files = Load();

    public static IResult Serve(string name)
    {
        var (bytes, type, etag) = Files[name];
        return Results.Bytes(bytes, type, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(etag));
    }

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var result = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var (name, type) in new[] { ("index.html", "text/html; charset=utf-8"), ("chat.js", "text/javascript; charset=utf-8"), ("chat.css", "text/css; charset=utf-8") })
        {
            using var stream = assembly.GetManifestResourceStream($"HealthBot.Channels.WebChat.wwwroot.{name}")
                ?? throw new InvalidOperationException($"embedded web chat file {name} is missing");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            result[name] = (bytes, type, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"");
        }

        return result;
    }
}
