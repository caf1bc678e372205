using HealthBot.Tests.Infrastructure;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using HealthBot.Llm;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HealthBot.Tests.Llm;

/// <summary><c>healthbot model download</c> against a local HTTP server: resume, progress, checksum, atomic rename.</summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class ModelDownloadTests : IAsyncLifetime
{
    private static readonly byte[] Model = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
    private static readonly string Sha = Convert.ToHexStringLower(SHA256.HashData(Model));
    private readonly ConcurrentQueue<string?> ranges = new();
    private readonly string directory = Path.Combine(Path.GetTempPath(), "healthbot-download-tests", Guid.NewGuid().ToString("N"));
    private WebApplication server = null!;
    private Uri baseUrl = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        server = builder.Build();
        server.MapGet("/models/small.gguf", (HttpContext http) =>
        {
            ranges.Enqueue(http.Request.Headers.Range.ToString() is { Length: > 0 } r ? r : null);
            return Results.Bytes(Model, "application/octet-stream", enableRangeProcessing: true);
        });
        server.MapGet("/norange/small.gguf", () => Results.Bytes(Model, "application/octet-stream"));
        await server.StartAsync();
        baseUrl = new Uri(server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Downloads_verifies_and_renames_into_place_with_progress()
    {
        var reports = new List<DownloadProgress>();

        var path = await Download("/models/small.gguf", Sha, new SyncProgress(reports.Add));

        Assert.Equal(Path.Combine(directory, "small.gguf"), path);
        Assert.Equal(Model, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(path + ".part"));
        Assert.Equal(Model.Length, reports[^1].Received);
        Assert.Equal(Model.Length, reports[^1].Total);
        Assert.Contains("100%", ModelDownloader.Bar(reports[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_download_resumes_where_it_stopped()
    {
        Directory.CreateDirectory(directory);
        var have = Model.Length / 3;
        await File.WriteAllBytesAsync(Path.Combine(directory, "small.gguf.part"), Model[..have]);

        var path = await Download("/models/small.gguf", Sha);

        Assert.Equal($"bytes={have}-", Assert.Single(ranges));
        Assert.Equal(Model, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_server_that_ignores_ranges_sends_it_all_again_and_the_file_is_still_right()
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, "small.gguf.part"), Model[..1000]);

        var path = await Download("/norange/small.gguf", Sha);

        Assert.Equal(Model, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_wrong_checksum_leaves_no_file_under_the_final_name()
    {
        var wrong = new string('0', 64);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => Download("/models/small.gguf", wrong));

        Assert.Contains("checksum mismatch", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "small.gguf")));
        Assert.False(File.Exists(Path.Combine(directory, "small.gguf.part")));
    }

    [Fact]
    public async Task The_command_prints_where_the_verified_model_is_and_how_to_use_it()
    {
        var run = await CliRun.RunAsync("model", "download", new Uri(baseUrl, "/models/small.gguf").ToString(), "--sha256", Sha.ToUpperInvariant(), "--to", directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"downloaded and verified: {Path.Combine(directory, "small.gguf")}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Llm__ModelPath=", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("100%", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_without_a_checksum_prints_usage_and_exits_2()
    {
        var run = await CliRun.RunAsync("model", "download", new Uri(baseUrl, "/models/small.gguf").ToString());

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usage: healthbot model download", run.Stderr, StringComparison.Ordinal);
    }

    private async Task<string> Download(string path, string sha, IProgress<DownloadProgress>? progress = null)
    {
        using var http = new HttpClient();
        return await new ModelDownloader(http).DownloadAsync(new Uri(baseUrl, path), sha, directory, progress, CancellationToken.None);
    }

    /// <summary>Reports on the calling thread, so the last report is there when the download returns.</summary>
    private sealed class SyncProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
