using System.Globalization;
using System.Runtime.InteropServices;
using HealthBot.Data;
using HealthBot.Llm;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>The machine: native libraries the runtime and the model load, and the free disk space.</summary>
public sealed class SystemChecks(IOptions<StorageOptions> storage, IOptions<LlmOptions> llm, DiskSpace disk)
{
    /// <summary>
    /// LLamaSharp's CPU backend links libgomp (OpenMP), which minimal images (the aspnet container, Raspberry Pi OS
    /// Lite) lack; .NET needs OpenSSL for HTTPS and ICU for languages.
    /// </summary>
    public IEnumerable<DoctorFinding> Natives()
    {
        if (!OperatingSystem.IsLinux())
        {
            yield break;
        }

        var modelOn = llm.Value.ModelPath.Length > 0;
        var gomp = NativeLibrary.TryLoad("libgomp.so.1", out _);
        yield return gomp || !modelOn
            ? new DoctorFinding(
                "libgomp (model runtime)", true, gomp ? "found" : "missing; needed only for the model (off)")
            : new DoctorFinding("libgomp (model runtime)", false, "libgomp.so.1 is missing: the model cannot load",
                "sudo apt-get install libgomp1");
        yield return ModelRuntimeFinding(modelOn);
        var ssl = NativeLibrary.TryLoad("libssl.so.3", out _) || NativeLibrary.TryLoad("libssl.so.1.1", out _);
        yield return ssl
            ? new DoctorFinding("OpenSSL", true, "found")
            : new DoctorFinding("OpenSSL", false, "libssl is missing: HTTPS to providers will fail",
                "sudo apt-get install libssl3");
        yield return Icu()
            ? new DoctorFinding("ICU (languages)", true, "found")
            : new DoctorFinding("ICU (languages)", false, "ICU is missing or switched off (invariant mode)",
                "sudo apt-get install libicu72 (Debian 12; libicu76 on Debian 13), and unset " +
                "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
    }

    private static DoctorFinding ModelRuntimeFinding(bool modelOn)
    {
        const string check = "model runtime (llama.cpp)";
        var path = ModelRuntime.LibraryPath();
        var error = path is null ? "this build has no llama.cpp library for this machine" : ModelRuntime.LoadError(path);
        if (error is null)
        {
            return new DoctorFinding(check, true, "loads");
        }

        var glibc = ModelRuntime.GlibcVersion();
        var detail = $"cannot load: {error}" + (glibc is null ? "" : $" (this system's C library is glibc {glibc})");
        const string fix = "answers still come from the curated text without it; for the model use an OS with glibc " +
            "2.38 or newer (Raspberry Pi OS or Debian 13 'trixie', Ubuntu 24.04), or the container image";
        return modelOn
            ? new DoctorFinding(check, false, detail, fix)
            : new DoctorFinding(check, true, detail + "; needed only for the model (off)", fix);
    }

    public DoctorFinding DiskSpace()
    {
        var free = disk.FreeMegabytes();
        var minimum = storage.Value.MinimumFreeMegabytes;
        var where = Path.GetFullPath(storage.Value.DataDirectory);
        return free >= minimum
            ? new DoctorFinding("disk space", true, $"{free} MB free for {where}")
            : new DoctorFinding("disk space", false,
                $"only {free} MB free for {where} (below Storage:MinimumFreeMegabytes={minimum}): incoming " +
                "messages are refused (the provider retries them) until there is more",
                "delete old files (old backups in another folder, logs: sudo journalctl --vacuum-size=50M), or " +
                "move the data to a bigger SD card or USB disk");
    }

    private static bool Icu()
    {
        try
        {
            // In invariant mode every culture formats like the invariant one, so French month names are missing.
            return CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetMonthName(1) == "janvier";
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
