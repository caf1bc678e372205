using System.Runtime.InteropServices;

namespace HealthBot.Maintenance;

/// <summary>
/// Whether llama.cpp's native library (shipped by LLamaSharp's CPU backend) loads on this machine. Its dynamic
/// loader says why not in its own words: a missing libgomp, or a C library older than the build asks for
/// (LLamaSharp 0.30's linux-arm64 libllama needs glibc 2.38 for <c>__isoc23_strtol</c>; Debian 12 and Raspberry Pi
/// OS bookworm have 2.36).
/// </summary>
public static class ModelRuntime
{
    /// <summary>The libllama.so the backend would pick from, or null when this build has none for the machine.</summary>
    public static string? LibraryPath()
    {
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", $"linux-{arch}", "native");
        if (arch is null || !Directory.Exists(native))
        {
            return null;
        }

        // x64 ships one build per instruction set; the one without AVX loads on every CPU and needs the same libraries.
        var builds = Directory.GetFiles(native, "libllama.so", SearchOption.AllDirectories);
        return builds.FirstOrDefault(p => p.Contains("noavx", StringComparison.Ordinal)) ?? builds.FirstOrDefault();
    }

    /// <summary>Null when the library loads; otherwise the loader's reason.</summary>
    public static string? LoadError(string path)
    {
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(path));
            return null;
        }
        catch (DllNotFoundException ex)
        {
            // .NET's first line is advice about strace and LD_DEBUG; the dynamic loader's own words follow it.
            var lines = ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.Length > 1 ? string.Join("; ", lines[1..]) : ex.Message;
        }
        catch (BadImageFormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The C library's version ("2.36"), or null where it is not glibc (musl).</summary>
    public static string? GlibcVersion()
    {
        try
        {
            return Marshal.PtrToStringUTF8(GnuGetLibcVersion());
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "gnu_get_libc_version")]
    private static extern IntPtr GnuGetLibcVersion();
}
