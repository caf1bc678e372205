using System.Text;

namespace HealthBot.Llm;

/// <summary>A GGUF file's header: metadata and tensor shapes, read without loading any weights.</summary>
public sealed record GgufInfo(string Path, long FileBytes, uint Version, IReadOnlyDictionary<string, object> Metadata, IReadOnlyList<GgufTensor> Tensors)
{
    public string? GetString(string key) => Metadata.TryGetValue(key, out var v) ? v as string : null;

    public long? GetInteger(string key) => Metadata.TryGetValue(key, out var v) && v is IConvertible c and not string and not bool
        ? Convert.ToInt64(c, System.Globalization.CultureInfo.InvariantCulture)
        : null;

    public string Architecture => GetString("general.architecture") ?? "unknown";

    public long ParameterCount => Tensors.Sum(t => t.Elements);

    public long? ContextLength => GetInteger($"{Architecture}.context_length");

    public bool HasChatTemplate => Metadata.Keys.Any(k => k == "tokenizer.chat_template" || k.StartsWith("tokenizer.chat_template.", StringComparison.Ordinal));
}

public sealed record GgufTensor(string Name, IReadOnlyList<long> Dimensions, uint Type, ulong Offset)
{
    public long Elements => Dimensions.Aggregate(1L, (a, d) => a * d);
}

/// <summary>The file is missing, is not GGUF, or its header is damaged.</summary>
public sealed class ModelFileException(string message) : Exception(message);

/// <summary>
/// Reads the GGUF header (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md): magic, version, key/value
/// metadata, tensor infos. Used by <c>model info</c> and to reject a wrong or damaged file with a clear message
/// before the native loader sees it. Large arrays (the vocabulary) are skipped, keeping only their length.
/// </summary>
public static class GgufFile
{
    private const uint Magic = 0x46554747; // "GGUF" little-endian
    private const int MaxStringBytes = 64 * 1024 * 1024;

    public static GgufInfo Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileException($"model file not found: {path}");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            return ReadHeader(path, stream.Length, reader);
        }
        catch (EndOfStreamException)
        {
            throw new ModelFileException($"{path}: the file ends inside the GGUF header (incomplete download?)");
        }
    }

    private static GgufInfo ReadHeader(string path, long length, BinaryReader reader)
    {
        if (length < 24 || reader.ReadUInt32() != Magic)
        {
            throw new ModelFileException($"{path}: not a GGUF model file (wrong magic bytes)");
        }

        var version = reader.ReadUInt32();
        if (version is < 2 or > 3)
        {
            throw new ModelFileException($"{path}: unsupported GGUF version {version} (expected 2 or 3)");
        }

        var tensorCount = reader.ReadUInt64();
        var kvCount = reader.ReadUInt64();
        if (tensorCount > 1_000_000 || kvCount > 1_000_000)
        {
            throw new ModelFileException($"{path}: damaged GGUF header ({tensorCount} tensors, {kvCount} metadata entries)");
        }

        var metadata = new Dictionary<string, object>(StringComparer.Ordinal);
        for (ulong i = 0; i < kvCount; i++)
        {
            var key = ReadString(reader, path);
            metadata[key] = ReadValue(reader, reader.ReadUInt32(), path);
        }

        var tensors = new List<GgufTensor>((int)tensorCount);
        for (ulong i = 0; i < tensorCount; i++)
        {
            var name = ReadString(reader, path);
            var dims = reader.ReadUInt32();
            if (dims > 8)
            {
                throw new ModelFileException($"{path}: damaged tensor '{name}' ({dims} dimensions)");
            }

            var shape = Enumerable.Range(0, (int)dims).Select(_ => (long)reader.ReadUInt64()).ToList();
            tensors.Add(new GgufTensor(name, shape, reader.ReadUInt32(), reader.ReadUInt64()));
        }

        var info = new GgufInfo(path, length, version, metadata, tensors);
        var alignment = Math.Max(1, info.GetInteger("general.alignment") ?? 32);
        var dataStart = (reader.BaseStream.Position + alignment - 1) / alignment * alignment;
        if (tensors.Any(t => dataStart + (long)t.Offset + (GgufNames.TensorBytes(t) ?? 0) > length))
        {
            throw new ModelFileException($"{path}: the tensor data goes past the end of the file (an incomplete download?)");
        }

        return info;
    }

    private static string ReadString(BinaryReader reader, string path)
    {
        var length = reader.ReadUInt64();
        if (length > MaxStringBytes)
        {
            throw new ModelFileException($"{path}: damaged GGUF header (a string of {length} bytes)");
        }

        return Encoding.UTF8.GetString(reader.ReadBytes((int)length));
    }

    private static object ReadValue(BinaryReader reader, uint type, string path) => type switch
    {
        0 => reader.ReadByte(),
        1 => reader.ReadSByte(),
        2 => reader.ReadUInt16(),
        3 => reader.ReadInt16(),
        4 => reader.ReadUInt32(),
        5 => reader.ReadInt32(),
        6 => reader.ReadSingle(),
        7 => reader.ReadByte() != 0,
        8 => ReadString(reader, path),
        9 => ReadArray(reader, path),
        10 => reader.ReadUInt64(),
        11 => reader.ReadInt64(),
        12 => reader.ReadDouble(),
        _ => throw new ModelFileException($"{path}: damaged GGUF header (unknown value type {type})"),
    };

    /// <summary>Arrays are read through and kept as their length only: nothing here needs their items.</summary>
    private static GgufArray ReadArray(BinaryReader reader, string path)
    {
        var itemType = reader.ReadUInt32();
        var count = reader.ReadUInt64();
        if (count > 100_000_000)
        {
            throw new ModelFileException($"{path}: damaged GGUF header (an array of {count} items)");
        }

        for (ulong i = 0; i < count; i++)
        {
            ReadValue(reader, itemType, path);
        }

        return new GgufArray(itemType, (long)count);
    }
}

public sealed record GgufArray(uint ItemType, long Count);
