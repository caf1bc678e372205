using System.Text.Encodings.Web;
using System.Text.Json;
using HealthBot.Data;
using System.Data.Common;

namespace HealthBot.Content;

public sealed class SqlContentStore(Database database, IDatabaseWriter writer) : IContentVersionStore
{
    // Keeps accented and Devanagari text readable in the JSON columns for whoever queries them.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One write for the whole library: 150 items commit in a single transaction of the single writer.</summary>
    public Task<ContentVersionImport> ImportAsync(IReadOnlyList<ContentItem> items, DateTimeOffset importedAt, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction) => Import(connection, transaction, items, importedAt));

    public Task<StoredContentVersion?> FindAsync(string id, string language, int version, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                "SELECT id, language, version, title, sms, web, content_hash, imported_at FROM content_versions WHERE id = @id AND language = @l AND version = @v")
            .With("@id", id).With("@l", language).With("@v", version).ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new StoredContentVersion(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetTime(7))
            : null);
    }

    private static ContentVersionImport Import(DbConnection connection, DbTransaction transaction, IReadOnlyList<ContentItem> items, DateTimeOffset now)
    {
        var (imported, unchanged, changed) = (0, 0, new List<ContentItem>());
        foreach (var item in items)
        {
            var hash = ContentHash.Of(item);
            // Asked for per item: a fresh command on PostgreSQL, where Npgsql's auto-prepared statements returned wrong
            // rows for one command reused with its parameters added again; the SQLite writer hands out its cached one.
            var find = connection.Command("SELECT content_hash FROM content_versions WHERE id = @id AND language = @l AND version = @v", transaction);
            var stored = find.With("@id", item.Id).With("@l", item.Language).With("@v", item.Version).ExecuteScalar() as string;
            if (stored is null)
            {
                Insert(connection, transaction, item, hash, now);
                imported++;
            }
            else if (stored == hash)
            {
                unchanged++;
            }
            else
            {
                changed.Add(item);
            }
        }

        return new ContentVersionImport(imported, unchanged, changed);
    }

    private static void Insert(DbConnection connection, DbTransaction transaction, ContentItem item, string hash, DateTimeOffset now) =>
        connection.Command(
                """
                INSERT INTO content_versions (id, language, version, status, title, sms, web, urgent, keywords, examples, sources,
                    reviewed_by, reviewed_on, source_version, content_hash, file, imported_at)
                VALUES (@id, @l, @v, @status, @title, @sms, @web, @urgent, @keywords, @examples, @sources,
                    @reviewed_by, @reviewed_on, @source_version, @hash, @file, @now)
                """, transaction)
            .With("@id", item.Id).With("@l", item.Language).With("@v", item.Version).With("@status", item.Status)
            .With("@title", item.Title).With("@sms", item.Sms).With("@web", item.Web).With("@urgent", item.Urgent ? 1 : 0)
            .With("@keywords", JsonSerializer.Serialize(item.Keywords, Json)).With("@examples", JsonSerializer.Serialize(item.Examples, Json))
            .With("@sources", JsonSerializer.Serialize(item.Sources, Json)).With("@reviewed_by", item.ReviewedBy)
            .With("@reviewed_on", item.ReviewedOn).With("@source_version", item.SourceVersion).With("@hash", hash)
            .With("@file", item.File).With("@now", now)
            .ExecuteNonQuery();
}
