using System.Data.Common;
using System.Globalization;
using HealthBot.Data;

namespace HealthBot.Admin;

public sealed record ContentEdit(
    long Id, string ContentId, string Language, int Version, string State, string Title, string Sms, string Web,
    string Author, string? Reviewer, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt)
{
    /// <summary>One keyword a line; null keeps the item's own.</summary>
    public string? Keywords { get; init; }

    /// <summary>One example question a line; null keeps the item's own.</summary>
    public string? Examples { get; init; }

    /// <summary>A language's danger-sign rules (triage.md, whole text in <see cref="Web"/>), not a topic.</summary>
    public bool IsTriage => ContentId == TriageId;

    public const string TriageId = "triage";

    /// <summary>Everyone who saved a change to this edit's text (<see cref="Author"/> lists them, comma-separated):
    /// none of them may publish it (four-eyes), whoever submitted it last.</summary>
    public IReadOnlyList<string> Authors => Author.Split(
        ',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsAuthor(string actor) => Authors.Contains(actor, StringComparer.OrdinalIgnoreCase);
}

/// <summary>What a save was based on: the open edit the person's form showed, or none (the form showed the served
/// text).</summary>
public sealed record DraftBasis(ContentEdit? Open);

/// <summary>The open draft changed (or one was started) after the form was opened: nothing was saved.</summary>
public sealed class DraftChangedException() : Exception("the draft changed since the form was opened");

/// <summary>The workspace's content edits: one open edit (draft or review) per item at a time, and every published one, kept.</summary>
public sealed class SqlContentEditStore(Database database, IDatabaseWriter writer, TimeProvider time)
{
    private const string Columns =
        "id, content_id, language, version, state, title, sms, web, author, reviewer, created_at, published_at, " +
        "keywords, examples";

    public Task<ContentEdit?> GetAsync(long id) => Task.FromResult(Query("WHERE id = @p0", id).FirstOrDefault());

    /// <summary>The draft or in-review edit of an item, if any.</summary>
    public Task<ContentEdit?> OpenAsync(string contentId, string language) => Task.FromResult(
        Query("WHERE content_id = @p0 AND language = @p1 AND state IN ('draft', 'review') ORDER BY id DESC", contentId, language).FirstOrDefault());

    public Task<IReadOnlyList<ContentEdit>> InStateAsync(string state) =>
        Task.FromResult<IReadOnlyList<ContentEdit>>(Query("WHERE state = @p0 ORDER BY id", state));

    /// <summary>Every open edit, for the grid.</summary>
    public Task<IReadOnlyList<ContentEdit>> AllOpenAsync() =>
        Task.FromResult<IReadOnlyList<ContentEdit>>(Query("WHERE state IN ('draft', 'review') ORDER BY id"));

    /// <summary>The newest published edit of each item, which the catalog serves when newer than the file.</summary>
    public IReadOnlyList<ContentEdit> LatestPublished() => Query(
        "WHERE state = 'published' AND id IN (SELECT MAX(id) FROM content_edits WHERE state = 'published' GROUP BY content_id, language)");

    /// <summary>Changes whenever anything is published (on any node): the newest published edit.</summary>
    public long PublishedMark()
    {
        using var connection = database.Open();
        return connection.Command("SELECT COALESCE(MAX(id), 0) FROM content_edits WHERE state = 'published'").ScalarLong();
    }

    public Task<IReadOnlyList<ContentEdit>> HistoryAsync(string contentId, string language) =>
        Task.FromResult<IReadOnlyList<ContentEdit>>(Query("WHERE content_id = @p0 AND language = @p1 ORDER BY id DESC", contentId, language));

    /// <summary>Writes the item's open draft (updating it, or starting one); returns its id. A save that changes the
    /// text adds <paramref name="author"/> to the draft's authors; one that changes nothing adds nobody. Given
    /// <paramref name="basis"/> (what the person's form showed), the check that it is still current and the write are
    /// one statement: of two saves from the same basis exactly one is written and the other throws
    /// <see cref="DraftChangedException"/>. Without a basis (a rollback) the open draft is overwritten.</summary>
    public Task<long> SaveDraftAsync(
        string contentId, string language, int version, string title, string sms, string web, string author,
        string? keywords = null, string? examples = null, DraftBasis? basis = null) =>
        writer.WriteAsync((c, t) =>
        {
            var now = time.GetUtcNow();
            var open = Query(c, t, "WHERE content_id = @p0 AND language = @p1 AND state IN ('draft', 'review') " +
                "ORDER BY id DESC LIMIT 1", contentId, language).FirstOrDefault();
            var expected = basis is null ? open : basis.Open;
            if (basis is not null && (open is null) != (expected is null))
            {
                throw new DraftChangedException();
            }

            var check = basis is null ? "" : SameText;
            var command = expected is not null
                ? Unchanged(c.Command(
                    "UPDATE content_edits SET state = 'draft', title = @title, sms = @sms, web = @web, author = @a, " +
                    $"version = @v, keywords = @k, examples = @e, updated_at = @now WHERE id = @id{check} RETURNING id",
                    t).With("@id", expected.Id), basis is null ? null : expected)
                : c.Command(
                    """
                    INSERT INTO content_edits (content_id, language, version, state, title, sms, web, author, keywords, examples,
                        created_at, updated_at)
                    VALUES (@c, @l, @v, 'draft', @title, @sms, @web, @a, @k, @e, @now, @now)
                    ON CONFLICT DO NOTHING RETURNING id
                    """, t).With("@c", contentId).With("@l", language);
            var changed = open is null || open.Title != title || open.Sms != sms || open.Web != web
                || open.Keywords != keywords || open.Examples != examples;
            var authors = open is null ? author
                : !changed || open.IsAuthor(author) ? open.Author : $"{open.Author}, {author}";
            // No row: another save changed the draft (or started one) after this person's form was opened.
            var id = command.With("@v", version).With("@title", title).With("@sms", sms).With("@web", web)
                .With("@a", authors).With("@now", now)
                .With("@k", keywords).With("@e", examples).ExecuteScalar();
            return id is null or DBNull
                ? throw new DraftChangedException()
                : Convert.ToInt64(id, CultureInfo.InvariantCulture);
        });

    /// <summary>The condition that an open edit still holds the text it was read with (and is still open).</summary>
    private const string SameText = " AND state IN ('draft', 'review') AND version = @ov AND title = @ot" +
        " AND sms = @os AND web = @ow AND COALESCE(keywords, '') = @ok AND COALESCE(examples, '') = @oe";

    /// <summary>Binds <see cref="SameText"/> to <paramref name="edit"/>'s text (nothing to bind without one).</summary>
    private static DbCommand Unchanged(DbCommand command, ContentEdit? edit) => edit is null ? command
        : command.With("@ov", edit.Version).With("@ot", edit.Title).With("@os", edit.Sms).With("@ow", edit.Web)
            .With("@ok", edit.Keywords ?? "").With("@oe", edit.Examples ?? "");

    /// <summary>
    /// Moves an edit from <paramref name="from"/> to <paramref name="to"/>; false when it was not in <paramref name="from"/>
    /// or, given <paramref name="unchanged"/>, when its text is no longer that one.
    /// </summary>
    public Task<bool> TransitionAsync(long id, string from, string to, string? reviewer = null, ContentEdit? unchanged = null) =>
        writer.WriteAsync((c, t) =>
        {
            var now = time.GetUtcNow();
            var sameText = unchanged is null ? "" : " AND version = @v AND title = @title AND sms = @sms AND web = @web" +
                " AND COALESCE(keywords, '') = @k AND COALESCE(examples, '') = @e";
            var command = c.Command(
                    $"""
                    UPDATE content_edits SET state = @to, updated_at = @now, reviewer = COALESCE(@r, reviewer),
                        published_at = CASE WHEN @to = 'published' THEN @now ELSE published_at END
                    WHERE id = @id AND state = @from{sameText}
                    """, t)
                .With("@to", to).With("@from", from).With("@r", reviewer).With("@now", now).With("@id", id);
            if (unchanged is not null)
            {
                command.With("@v", unchanged.Version).With("@title", unchanged.Title).With("@sms", unchanged.Sms).With("@web", unchanged.Web)
                    .With("@k", unchanged.Keywords ?? "").With("@e", unchanged.Examples ?? "");
            }

            return command.ExecuteNonQuery() == 1;
        });

    private List<ContentEdit> Query(string where, params object[] args)
    {
        using var connection = database.Open();
        return Query(connection, null, where, args);
    }

    private static List<ContentEdit> Query(
        DbConnection connection, DbTransaction? t, string where, params object[] args)
    {
        // The writer's connection may cache its commands (CachePreparedCommands): only a reader's own one is disposed.
        var command = connection.Command($"SELECT {Columns} FROM content_edits {where}", t);
        using var owned = t is null ? command : null;
        for (var i = 0; i < args.Length; i++)
        {
            command.With($"@p{i}", args[i]);
        }

        using var reader = command.ExecuteReader();
        var list = new List<ContentEdit>();
        while (reader.Read())
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static ContentEdit Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
        r.GetString(8), r.GetNullableString(9), r.GetTime(10), r.GetNullableTime(11))
    {
        Keywords = r.GetNullableString(12),
        Examples = r.GetNullableString(13),
    };
}
