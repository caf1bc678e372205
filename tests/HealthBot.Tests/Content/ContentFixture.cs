using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Content;

/// <summary>
/// A small but complete content folder in a temp directory: system.md, handwashing and diarrhoea-ors in all five
/// languages (en, fr, sw, pt copied from the repository; hi from testdata/), for tests to break one thing at a time.
/// </summary>
public sealed class ContentFixture : IDisposable
{
    public static readonly string[] Languages = ["en", "fr", "sw", "pt", "hi"];
    public static readonly string[] Files = ["system.md", "handwashing.md", "diarrhoea-ors.md"];

    public ContentFixture()
    {
        foreach (var language in Languages)
        {
            var source = language == "hi"
                ? HealthBotFactory.RepositoryPath("tests/HealthBot.Tests/Content/testdata/hi")
                : System.IO.Path.Combine(HealthBotFactory.ContentDirectory, language);
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Directory, language));
            foreach (var file in Files)
            {
                File.Copy(System.IO.Path.Combine(source, file), Path(language, file));
            }
        }
    }

    public string Directory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "healthbot-content-tests", Guid.NewGuid().ToString("N"));

    public int FileCount => Languages.Length * Files.Length;

    public string Path(string language, string file) => System.IO.Path.Combine(Directory, language, file);

    public string Read(string language, string file) => File.ReadAllText(Path(language, file));

    public void Write(string language, string file, string text) => File.WriteAllText(Path(language, file), text);

    /// <summary>Replaces text that must be there, so that a test cannot pass because its mutation silently did nothing.</summary>
    public void Replace(string language, string file, string oldText, string newText)
    {
        var text = Read(language, file);
        Assert.Contains(oldText, text);
        Write(language, file, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>The 1-based number of the first line of the file that starts with <paramref name="prefix"/>.</summary>
    public int LineStartingWith(string language, string file, string prefix)
    {
        var lines = Read(language, file).Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line starting with '{prefix}' in {language}/{file}");
        return index + 1;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
