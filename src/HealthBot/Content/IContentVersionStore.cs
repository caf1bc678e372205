namespace HealthBot.Content;

/// <summary>What one import did: versions written, versions already recorded with the same text, and versions whose text changed.</summary>
public sealed record ContentVersionImport(int Imported, int Unchanged, IReadOnlyList<ContentItem> Changed);

public sealed record StoredContentVersion(
    string Id, string Language, int Version, string Title, string Sms, string Web, string ContentHash, DateTimeOffset ImportedAt);

/// <summary>Published content versions, kept forever. Implementations: SQLite now; PostgreSQL to follow.</summary>
public interface IContentVersionStore
{
    /// <summary>
    /// Records each item version that is not yet stored. A stored version with the same <see cref="ContentHash"/> is left
    /// alone; one with a different hash is reported in <see cref="ContentVersionImport.Changed"/> and never overwritten.
    /// </summary>
    Task<ContentVersionImport> ImportAsync(IReadOnlyList<ContentItem> items, DateTimeOffset importedAt, CancellationToken ct = default);

    Task<StoredContentVersion?> FindAsync(string id, string language, int version, CancellationToken ct = default);
}
