using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace HealthBot.Llm;

/// <summary>Bytes so far and in all (null when the server does not say).</summary>
public sealed record DownloadProgress(long Received, long? Total, double BytesPerSecond);

/// <summary>
/// Downloads a model file: into <c>NAME.part</c>, resuming a partial file with an HTTP Range request, then checks the
/// SHA-256 of the whole file and renames it into place, so a file under its final name is always complete and verified.
/// </summary>
public sealed class ModelDownloader(HttpClient http)
{
    public async Task<string> DownloadAsync(Uri url, string sha256, string directory, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var expected = sha256.Trim().ToLowerInvariant();
        if (expected.Length != 64 || !expected.All(char.IsAsciiHexDigit))
        {
            throw new ModelDownloadException("--sha256 must be 64 hexadecimal digits");
        }

        var name = Path.GetFileName(Uri.UnescapeDataString(url.AbsolutePath));
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ModelDownloadException($"cannot tell a file name from {url}");
        }

        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, name);
        if (File.Exists(target))
        {
            return await HashAsync(target, ct) == expected ? target : throw new ModelDownloadException($"{target} exists with a different checksum; move it away first");
        }

        var part = target + ".part";
        await FetchAsync(url, part, progress, ct);
        var actual = await HashAsync(part, ct);
        if (actual != expected)
        {
            File.Delete(part);
            throw new ModelDownloadException($"checksum mismatch: expected {expected}, got {actual}; the partial file was deleted");
        }

        File.Move(part, target);
        return target;
    }

    private async Task FetchAsync(Uri url, string part, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var have = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            return; // the partial file is already whole: the checksum decides
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ModelDownloadException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        // 206: the server resumes where the partial file ends; 200: it sends everything, so start again.
        var resume = response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == have;
        have = resume ? have : 0;
        var total = response.Content.Headers.ContentLength is { } length ? length + have : (long?)null;
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await using var file = new FileStream(part, resume ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await CopyAsync(body, file, have, total, progress, ct);
    }

    private static async Task CopyAsync(Stream body, FileStream file, long have, long? total, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var start = have;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            have += read;
            if (clock.Elapsed - lastReport > TimeSpan.FromMilliseconds(200))
            {
                lastReport = clock.Elapsed;
                progress?.Report(new DownloadProgress(have, total, (have - start) / Math.Max(clock.Elapsed.TotalSeconds, 0.001)));
            }
        }

        progress?.Report(new DownloadProgress(have, total, (have - start) / Math.Max(clock.Elapsed.TotalSeconds, 0.001)));
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    /// <summary>A one-line progress bar: <c>[#####-----]  48%  120.0/250.0 MB  3.1 MB/s</c>.</summary>
    public static string Bar(DownloadProgress p)
    {
        const int width = 30;
        var mb = p.Received / 1048576.0;
        var speed = p.BytesPerSecond / 1048576.0;
        if (p.Total is not { } total || total <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{mb,8:0.0} MB  {speed:0.0} MB/s");
        }

        var share = Math.Clamp((double)p.Received / total, 0, 1);
        var filled = (int)(share * width);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', width - filled)}] {share * 100,3:0}%  {mb:0.0}/{total / 1048576.0:0.0} MB  {speed:0.0} MB/s");
    }
}

public sealed class ModelDownloadException(string message) : Exception(message);
