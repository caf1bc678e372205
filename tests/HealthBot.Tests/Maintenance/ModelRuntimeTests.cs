using HealthBot.Maintenance;

namespace HealthBot.Tests.Maintenance;

/// <summary>The doctor's model-runtime line: llama.cpp's own library, loaded the way the backend loads it.</summary>
public sealed class ModelRuntimeTests
{
    [Fact]
    public void The_backend_library_of_this_build_loads_on_this_machine()
    {
        var path = ModelRuntime.LibraryPath();

        Assert.NotNull(path);
        Assert.Null(ModelRuntime.LoadError(path));
    }

    [Fact]
    public void A_library_the_loader_refuses_is_reported_in_the_loaders_words()
    {
        var directory = Directory.CreateTempSubdirectory("healthbot-natives");
        var path = Path.Combine(directory.FullName, "libllama.so");
        File.WriteAllText(path, "not an ELF file");
        try
        {
            var error = ModelRuntime.LoadError(path);

            Assert.NotNull(error);
            Assert.Contains("libllama.so", error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_c_library_version_is_read_from_glibc()
    {
        Assert.Matches(@"^2\.\d+$", ModelRuntime.GlibcVersion());
    }
}
