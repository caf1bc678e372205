using HealthBot.Admin;
using HealthBot.Content;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>Export writes what the workspace published back to content files that load to the same item.</summary>
public sealed class ContentExporterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));

    public ContentExporterTests()
    {
        Directory.CreateDirectory(Path.Combine(directory, "en"));
        File.Copy(Path.Combine(HealthBotFactory.ContentDirectory, "en", "anaemia.md"), Path.Combine(directory, "en", "anaemia.md"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void An_exported_edit_and_a_new_translation_load_back_with_their_text_version_and_reviewer()
    {
        var original = Load().Find("anaemia", "en")!;
        var edited = original with { Version = 2, Sms = "New SMS text. Costs $5?", Web = "New **web** text.", ReviewedBy = "rita@ngo.example", ReviewedOn = "2026-11-28" };
        var french = edited with { Language = "fr", Title = "Anémie", Sms = "Texte SMS.", Web = "Texte web.", SourceVersion = 2, Version = 1 };

        ContentExporter.Export(edited, null, directory);
        ContentExporter.Export(french, edited with { File = Path.Combine(directory, "en", "anaemia.md") }, directory);

        var library = Load();
        Assert.Empty(library.Errors);
        var en = library.Find("anaemia", "en")!;
        Assert.Equal((2, "New SMS text. Costs $5?", "New **web** text.", "rita@ngo.example"), (en.Version, en.Sms, en.Web, en.ReviewedBy));
        Assert.Equal(original.Keywords, en.Keywords);
        var fr = library.Find("anaemia", "fr")!;
        Assert.Equal(("Anémie", 1, 2, "Texte SMS."), (fr.Title, fr.Version, fr.SourceVersion, fr.Sms));
    }

    [Fact]
    public void Exported_keywords_and_examples_load_back_as_published_so_the_file_does_not_bring_the_old_ones_back()
    {
        var original = Load().Find("anaemia", "en")!;
        var edited = original with
        {
            Version = 2, Keywords = ["anaemia", "low blood", "zibbo $1"], Examples = ["am i anaemic", "tired all the time"],
        };

        ContentExporter.Export(edited, null, directory);

        var library = Load();
        Assert.Empty(library.Errors);
        var en = library.Find("anaemia", "en")!;
        Assert.Equal(["anaemia", "low blood", "zibbo $1"], en.Keywords);
        Assert.Equal(["am i anaemic", "tired all the time"], en.Examples);
        Assert.Equal(original.Sms, en.Sms);
        Assert.Equal(original.Sources, en.Sources);
    }

    private ContentLibrary Load() => ContentLoader.Load(directory, DateTimeOffset.UtcNow);
}
