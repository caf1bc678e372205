namespace HealthBot.Content;

/// <summary>One curated topic in one language, as staff wrote and clinicians reviewed it.</summary>
public sealed record ContentItem(
    string Id,
    string Language,
    string Title,
    int Version,
    int? SourceVersion,
    string Status,
    string? ReviewedBy,
    string? ReviewedOn,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Examples,
    bool Urgent,
    string Sms,
    string Web,
    string File)
{
    public bool IsPublished => Status == "published";
}

/// <summary>The fixed messages of one language (greeting, help, referral…), by section name.</summary>
public sealed record SystemMessages(string Language, IReadOnlyDictionary<string, string> Messages, string File)
{
    /// <summary>The regional register this language's content is written in (<see cref="LanguageRegisters"/>).</summary>
    public string? Register { get; init; }

    public string? Get(string name) => Messages.TryGetValue(name, out var text) ? text : null;
}

/// <summary>An immutable snapshot of everything loaded from the content folder.</summary>
public sealed record ContentLibrary(
    IReadOnlyList<ContentItem> Items,
    IReadOnlyDictionary<string, SystemMessages> System,
    IReadOnlyList<ContentError> Errors,
    DateTimeOffset LoadedAt)
{
    public static ContentLibrary Empty { get; } = new([], new Dictionary<string, SystemMessages>(), [], DateTimeOffset.MinValue);

    /// <summary>Each language's danger-sign rules (triage.md), parsed by the safety feature.</summary>
    public IReadOnlyDictionary<string, ContentDocument> Triage { get; init; } = new Dictionary<string, ContentDocument>();

    public IEnumerable<ContentItem> Published(string language) => Items.Where(i => i.IsPublished && i.Language == language);

    public ContentItem? Find(string id, string language) => Items.FirstOrDefault(i => i.Id == id && i.Language == language);

    public IEnumerable<string> Languages => Items.Select(i => i.Language).Distinct();
}
