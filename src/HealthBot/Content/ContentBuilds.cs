using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace HealthBot.Content;

/// <summary>
/// What features build from a library (the triage rules, the language profiles, the retrieval index), kept for the
/// few most recent libraries by their text: the same text always builds the same thing, so a reload of unchanged
/// files, or several services in one process (tests, <c>healthbot eval</c>), build it once. A build must be read-only
/// once made, as it already is for the requests that share it.
/// </summary>
public static class ContentBuilds
{
    /// <summary>Per kind of build: the current library, the one before, and room for one being published.</summary>
    private const int Kept = 3;

    private static readonly ConditionalWeakTable<ContentLibrary, string> Fingerprints = new();
    private static readonly Lock Gate = new();
    private static readonly LinkedList<(string Key, Lazy<object> Build)> Recent = new();

    /// <summary>The build of <paramref name="what"/> from <paramref name="library"/>, made once per text.</summary>
    public static T Get<T>(ContentLibrary library, string what, Func<ContentLibrary, T> build)
        where T : class
    {
        var key = what + ":" + Fingerprint(library);
        Lazy<object> lazy;
        lock (Gate)
        {
            var node = Recent.First;
            while (node is not null && node.Value.Key != key)
            {
                node = node.Next;
            }

            if (node is null)
            {
                node = new LinkedListNode<(string, Lazy<object>)>((key, new Lazy<object>(() => build(library))));
                if (Recent.Count(n => n.Key.StartsWith(what + ":", StringComparison.Ordinal)) >= Kept)
                {
                    Recent.Remove(Recent.Last(n => n.Key.StartsWith(what + ":", StringComparison.Ordinal)));
                }
            }
            else
            {
                Recent.Remove(node);
            }

            Recent.AddFirst(node);
            lazy = node.Value.Build;
        }

        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            // A failed build is not kept: the next library (or the same one again) tries afresh.
            lock (Gate)
            {
                Recent.Remove((key, lazy));
            }

            throw;
        }
    }

    /// <summary>A hash of everything in the library a build can read; its load time and problems left out.</summary>
    public static string Fingerprint(ContentLibrary library) => Fingerprints.GetValue(library, Compute);

    private static string Compute(ContentLibrary library)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? text)
        {
            // Length-prefixed, so moving text from one field to the next changes the hash.
            text ??= "\u0000";
            hash.AppendData(BitConverter.GetBytes(text.Length));
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        }

        void AddAll(IEnumerable<string>? texts)
        {
            var list = texts?.ToList() ?? [];
            Add(list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            list.ForEach(Add);
        }

        foreach (var i in library.Items)
        {
            AddAll([i.Id, i.Language, i.Title, $"{i.Version}/{i.SourceVersion}", i.Status, i.ReviewedBy ?? "",
                i.ReviewedOn ?? "", i.Urgent ? "urgent" : "info", i.Sms, i.Web, i.File]);
            AddAll(i.Sources);
            AddAll(i.Tags);
            AddAll(i.Keywords);
            AddAll(i.Examples);
        }

        // In the order a build reads them: the same files always give the same order.
        foreach (var (language, document) in library.Triage)
        {
            AddAll([language, document.File]);
            foreach (var (key, field) in document.Fields)
            {
                AddAll([key, field.Scalar ?? ""]);
                AddAll(field.List);
            }

            foreach (var (name, section) in document.Sections)
            {
                AddAll([name, section.Text]);
                AddAll(section.Body);
            }
        }

        foreach (var (language, system) in library.System)
        {
            AddAll([language, system.File, system.Register ?? ""]);
            AddAll(system.Messages.SelectMany(m => new[] { m.Key, m.Value }));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
