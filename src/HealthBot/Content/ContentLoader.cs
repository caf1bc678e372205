using System.Globalization;

namespace HealthBot.Content;

/// <summary>Reads <c>content/&lt;lang&gt;/*.md</c> into a <see cref="ContentLibrary"/>, collecting errors instead of throwing.</summary>
public static class ContentLoader
{
    public const string SystemFile = "system.md";
    public const string TriageFile = "triage.md";

    public static ContentLibrary Load(string directory, DateTimeOffset now)
    {
        var items = new List<ContentItem>();
        var system = new Dictionary<string, SystemMessages>(StringComparer.Ordinal);
        var errors = new List<ContentError>();
        var triage = new Dictionary<string, ContentDocument>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            errors.Add(new ContentError(directory, 0, "the content folder does not exist"));
            return new ContentLibrary(items, system, errors, now);
        }

        foreach (var languageDir in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileName(languageDir);
            if (!IsLanguageFolder(language))
            {
                continue; // prompts/ and other non-language folders
            }

            foreach (var file in Directory.GetFiles(languageDir, "*.md").Order(StringComparer.Ordinal))
            {
                var document = ContentFileParser.Parse(file, File.ReadAllText(file));
                errors.AddRange(document.Errors);
                if (Path.GetFileName(file) == TriageFile)
                {
                    triage[language] = document;
                }
                else if (Path.GetFileName(file) == SystemFile)
                {
                    var messages = document.Sections.ToDictionary(s => s.Key, s => s.Value.Text);
                    system[language] = new SystemMessages(language, messages, file) { Register = document.Get("register") };
                }
                else if (ToItem(document, language, errors) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        return new ContentLibrary(items, system, errors, now) { Triage = triage };
    }

    /// <summary>Language folders are ISO 639-1/-3 codes; anything else (prompts/…) is not content.</summary>
    public static bool IsLanguageFolder(string name) => name.Length is >= 2 and <= 3 && name.All(char.IsAsciiLetterLower);

    public static ContentItem? ToItem(ContentDocument doc, string folderLanguage, List<ContentError> errors)
    {
        var file = doc.File;
        string Required(string key)
        {
            var value = doc.Get(key);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new ContentError(file, doc.LineOf(key), $"'{key}' is required"));
            }

            return value ?? string.Empty;
        }

        var id = Required("id");
        var language = Required("language");
        var title = Required("title");
        var status = Required("status");
        var versionText = Required("version");
        var urgency = Required("urgency");
        var ok = true;
        if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            ok = Fail(errors, file, doc.LineOf("version"), $"'version' must be a whole number from 1, got '{versionText}'");
        }

        int? sourceVersion = null;
        if (doc.Get("source_version") is { } sv)
        {
            if (int.TryParse(sv, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                sourceVersion = parsed;
            }
            else
            {
                ok = Fail(errors, file, doc.LineOf("source_version"), $"'source_version' must be a whole number, got '{sv}'");
            }
        }

        if (status is not ("draft" or "review" or "published"))
        {
            ok = Fail(errors, file, doc.LineOf("status"), $"'status' must be draft, review or published, got '{status}'");
        }

        if (urgency is not ("info" or "urgent"))
        {
            ok = Fail(errors, file, doc.LineOf("urgency"), $"'urgency' must be info or urgent, got '{urgency}'");
        }

        if (language != folderLanguage)
        {
            ok = Fail(errors, file, doc.LineOf("language"), $"'language' is '{language}' but the file is in the '{folderLanguage}' folder");
        }

        if (id.Length > 0 && id != Path.GetFileNameWithoutExtension(file))
        {
            ok = Fail(errors, file, doc.LineOf("id"), $"'id' is '{id}' but the file is named '{Path.GetFileName(file)}'");
        }

        var sms = Body(doc, "sms", errors, ref ok);
        var web = Body(doc, "web", errors, ref ok);
        if (!ok || id.Length == 0 || title.Length == 0)
        {
            return null;
        }

        return new ContentItem(id, language, title, version, sourceVersion, status, doc.Get("reviewed_by"), doc.Get("reviewed_on"),
            doc.GetList("sources"), doc.GetList("tags"), doc.GetList("keywords"), doc.GetList("examples"), urgency == "urgent", sms, web, file);
    }

    private static string Body(ContentDocument doc, string name, List<ContentError> errors, ref bool ok)
    {
        if (doc.Sections.TryGetValue(name, out var section) && section.Text.Length > 0)
        {
            return section.Text;
        }

        ok = Fail(errors, doc.File, section?.Line ?? 1, $"the '## {name}' section is missing or empty");
        return string.Empty;
    }

    private static bool Fail(List<ContentError> errors, string file, int line, string message)
    {
        errors.Add(new ContentError(file, line, message));
        return false;
    }
}
