namespace HealthBot.Llm;

/// <summary>
/// Names for GGUF's numeric codes: <c>general.file_type</c> (llama.cpp's <c>llama_ftype</c>) and tensor types
/// (<c>ggml_type</c>), as listed in llama.h and ggml.h.
/// </summary>
public static class GgufNames
{
    private static readonly Dictionary<long, string> FileTypes = new()
    {
        [0] = "F32", [1] = "F16", [2] = "Q4_0", [3] = "Q4_1", [7] = "Q8_0", [8] = "Q5_0", [9] = "Q5_1", [10] = "Q2_K",
        [11] = "Q3_K_S", [12] = "Q3_K_M", [13] = "Q3_K_L", [14] = "Q4_K_S", [15] = "Q4_K_M", [16] = "Q5_K_S", [17] = "Q5_K_M",
        [18] = "Q6_K", [19] = "IQ2_XXS", [20] = "IQ2_XS", [21] = "Q2_K_S", [22] = "IQ3_XS", [23] = "IQ3_XXS", [24] = "IQ1_S",
        [25] = "IQ4_NL", [26] = "IQ3_S", [27] = "IQ3_M", [28] = "IQ2_S", [29] = "IQ2_M", [30] = "IQ4_XS", [31] = "IQ1_M",
        [32] = "BF16", [36] = "TQ1_0", [37] = "TQ2_0", [38] = "MXFP4_MOE",
    };

    private static readonly Dictionary<uint, string> TensorTypes = new()
    {
        [0] = "F32", [1] = "F16", [2] = "Q4_0", [3] = "Q4_1", [6] = "Q5_0", [7] = "Q5_1", [8] = "Q8_0", [9] = "Q8_1",
        [10] = "Q2_K", [11] = "Q3_K", [12] = "Q4_K", [13] = "Q5_K", [14] = "Q6_K", [15] = "Q8_K", [16] = "IQ2_XXS",
        [17] = "IQ2_XS", [18] = "IQ3_XXS", [19] = "IQ1_S", [20] = "IQ4_NL", [21] = "IQ3_S", [22] = "IQ2_S", [23] = "IQ4_XS",
        [24] = "I8", [25] = "I16", [26] = "I32", [27] = "I64", [28] = "F64", [29] = "IQ1_M", [30] = "BF16", [34] = "TQ1_0",
        [35] = "TQ2_0", [39] = "MXFP4",
    };

    /// <summary>The file's declared quantization, or else the type most of its weights are stored in.</summary>
    public static string Quantization(GgufInfo file)
    {
        if (file.GetInteger("general.file_type") is { } code)
        {
            return FileTypes.TryGetValue(code, out var name) ? name : $"file type {code}";
        }

        var dominant = file.Tensors.GroupBy(t => t.Type).OrderByDescending(g => g.Sum(t => t.Elements)).FirstOrDefault();
        return dominant is null ? "unknown" : TensorType(dominant.Key) + " (most weights)";
    }

    /// <summary>(bytes per block, values per block) of the common tensor types, from the block structs in ggml-common.h.</summary>
    private static readonly Dictionary<uint, (int Bytes, int Values)> BlockSizes = new()
    {
        [0] = (4, 1), [1] = (2, 1), [30] = (2, 1), [28] = (8, 1), [24] = (1, 1), [25] = (2, 1), [26] = (4, 1), [27] = (8, 1),
        [2] = (18, 32), [3] = (20, 32), [6] = (22, 32), [7] = (24, 32), [8] = (34, 32), [9] = (36, 32), [20] = (18, 32),
        [10] = (84, 256), [11] = (110, 256), [12] = (144, 256), [13] = (176, 256), [14] = (210, 256), [15] = (292, 256), [23] = (136, 256),
    };

    /// <summary>Bytes a tensor occupies in the file, when its type's block size is known.</summary>
    public static long? TensorBytes(GgufTensor tensor) =>
        BlockSizes.TryGetValue(tensor.Type, out var block) ? tensor.Elements / block.Values * block.Bytes : null;

    public static string TensorType(uint type) => TensorTypes.TryGetValue(type, out var name) ? name : $"type {type}";
}
