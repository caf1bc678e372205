namespace HealthBot.Maintenance;

/// <summary>One check's result in plain words; <paramref name="Fix"/> says what to do when it is not ok.</summary>
public sealed record DoctorFinding(string Check, bool Ok, string Detail, string? Fix = null);

/// <summary>
/// <c>healthbot doctor</c>: every check a person on site can act on, in the order they would fix them (the machine,
/// then the data, then the services around it).
/// </summary>
public sealed class Doctor(SystemChecks system, DataChecks data, ServiceChecks services)
{
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(CancellationToken ct)
    {
        var findings = new List<DoctorFinding>();
        findings.AddRange(system.Natives());
        findings.Add(system.DiskSpace());
        findings.AddRange(data.Database());
        findings.Add(data.Clock());
        findings.Add(data.LastBackup());
        findings.Add(services.Content());
        findings.Add(services.Model());
        findings.AddRange(await services.ProvidersAsync(ct));
        findings.Add(await services.PublicUrlAsync(ct));
        return findings;
    }
}
