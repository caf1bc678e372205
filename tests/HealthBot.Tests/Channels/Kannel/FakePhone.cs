using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HealthBot.Tests.Channels.Kannel;

/// <summary>
/// kannel-extras' fakesmsc as the mobile network: it sends one message from a phone and prints every message the
/// gateway delivers (<c>Got message N: &lt;from to type [udh] data&gt;</c>); concatenated parts are joined again.
/// </summary>
public sealed partial class FakePhone : IAsyncDisposable
{
    public const string Fakesmsc = "/usr/lib/kannel/test/fakesmsc";

    private readonly Process process;
    private readonly ConcurrentQueue<(string To, string Udh, string Text)> parts = new();

    private FakePhone(Process process) => this.process = process;

    /// <summary>Every complete message received, per recipient, in arrival order of its last part.</summary>
    public IReadOnlyList<(string To, string Text)> Received => Join();

    public int PartCount => parts.Count;

    public static FakePhone Start(int smscPort, string from, string to, string? text)
    {
        // "ucs2" carries URL-encoded UTF-16BE, so any script survives; plain ASCII goes as "text".
        var message = text is null ? null
            : text.All(c => c is >= ' ' and < '\u007f') ? $"{from} {to} text {text}"
            : $"{from} {to} ucs2 {Escape(Encoding.BigEndianUnicode.GetBytes(text))}";
        var start = new ProcessStartInfo(Fakesmsc)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "-H", "127.0.0.1", "-r", smscPort.ToString(), "-i", "0.1" })
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("-m");
        start.ArgumentList.Add(message is null ? "0" : "1");
        start.ArgumentList.Add(message ?? $"{from} {to} text unused");
        var phone = new FakePhone(Process.Start(start) ?? throw new InvalidOperationException("fakesmsc did not start"));
        phone.process.OutputDataReceived += (_, e) => phone.Read(e.Data);
        phone.process.ErrorDataReceived += (_, e) => phone.Read(e.Data);
        phone.process.BeginOutputReadLine();
        phone.process.BeginErrorReadLine();
        return phone;
    }

    private void Read(string? line)
    {
        var match = line is null ? null : GotMessage().Match(line);
        if (match is not { Success: true })
        {
            return;
        }

        var words = match.Groups[1].Value.Split(' ', 4);
        var (to, type, rest) = (words[1], words[2], words.Length > 3 ? words[3] : string.Empty);
        var udh = string.Empty;
        if (type == "udh")
        {
            var more = rest.Split(' ', 3);
            (udh, type, rest) = (more[0], more[1], more.Length > 2 ? more[2] : string.Empty);
        }

        parts.Enqueue((to, udh, Decode(type, rest)));
    }

    private static string Decode(string type, string data) => type switch
    {
        "ucs-2" or "ucs2" => Encoding.BigEndianUnicode.GetString(Unescape(data)),
        "data" => DecodeData(Unescape(data)),
        _ => data,
    };

    /// <summary>
    /// fakesmsc prints each part of a concatenated SMS as "data" without its coding. Text from the GSM-7 alphabet has
    /// no control bytes but line breaks, while UTF-16BE has a zero or a small high byte in every other position.
    /// </summary>
    private static string DecodeData(byte[] bytes) =>
        bytes.Length % 2 == 0 && bytes.Any(b => b < 0x20 && b is not (0x0A or 0x0D))
            ? Encoding.BigEndianUnicode.GetString(bytes)
            : Encoding.Latin1.GetString(bytes);

    /// <summary>Joins concatenated parts by the UDH's reference and part number (IEI 0: 8-bit reference).</summary>
    private List<(string To, string Text)> Join()
    {
        var whole = new List<(string, string)>();
        var pending = new Dictionary<(string, byte), SortedDictionary<byte, string>>();
        foreach (var (to, udh, text) in parts)
        {
            var header = Unescape(udh);
            if (header.Length < 6 || header[1] != 0)
            {
                whole.Add((to, text));
                continue;
            }

            var key = (to, header[3]);
            var set = pending.TryGetValue(key, out var s) ? s : pending[key] = new SortedDictionary<byte, string>();
            set[header[5]] = text;
            if (set.Count == header[4])
            {
                whole.Add((to, string.Concat(set.Values)));
                pending.Remove(key);
            }
        }

        return whole;
    }

    /// <summary>fakesmsc prints form encoding: %XX bytes and '+' for a space.</summary>
    private static byte[] Unescape(string data) =>
        WebUtility.UrlDecodeToBytes(Encoding.ASCII.GetBytes(data), 0, data.Length);

    private static string Escape(byte[] bytes) => string.Concat(bytes.Select(b => $"%{b:X2}"));

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"Got message \d+: <(.*)>$")]
    private static partial Regex GotMessage();
}
