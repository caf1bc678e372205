using HealthBot.Data;

namespace HealthBot.Content;

public sealed record PublishedVersion(int Version, string Title, string Sms, string? ReviewedBy, string? ReviewedOn, DateTimeOffset RecordedAt);

/// <summary>Every published version of one item, from content_versions (files and workspace alike), newest first.</summary>
public sealed class SqlContentHistory(Database database)
{
    public IReadOnlyList<PublishedVersion> Versions(string contentId, string language)
    {
        using var connection = database.Open();
        using var reader = connection.Command(
                "SELECT version, title, sms, reviewed_by, reviewed_on, imported_at FROM content_versions WHERE id = @id AND language = @l ORDER BY version DESC")
            .With("@id", contentId).With("@l", language).ExecuteReader();
        var list = new List<PublishedVersion>();
        while (reader.Read())
        {
            list.Add(new PublishedVersion(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3),
                reader.GetNullableString(4), reader.GetTime(5)));
        }

        return list;
    }
}
