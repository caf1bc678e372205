using System.Security.Authentication;
using HealthBot.Channels;
using HealthBot.Channels.Twilio;
using HealthBot.Content;
using HealthBot.Llm;
using Microsoft.Extensions.Options;

namespace HealthBot.Maintenance;

/// <summary>What the service works with: its content, its model, the SMS providers and the public address.</summary>
public sealed class ServiceChecks(
    IOptions<ContentOptions> content, LlamaModel model, IOptions<LlmOptions> llm, IEnumerable<IProviderProbe> probes,
    IOptions<TwilioOptions> twilio, IHttpClientFactory httpClients)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public DoctorFinding Content()
    {
        var directory = content.Value.ResolveDirectory();
        var report = ContentValidator.Validate(directory);
        return report.Errors == 0
            ? new DoctorFinding("content", true, $"{directory}: {report.Summary}")
            : new DoctorFinding("content", false, $"{directory}: {report.Summary}",
                $"run: healthbot content validate {directory}, and correct the file and line it names");
    }

    public DoctorFinding Model()
    {
        if (llm.Value.ModelPath.Length == 0)
        {
            return new DoctorFinding("model", true, "off (Llm:ModelPath empty): answers come from the content only");
        }

        try
        {
            model.Load();
        }
        catch (ModelLoadException ex)
        {
            return new DoctorFinding("model", false, ex.Message,
                "check Llm:ModelPath, fetch the model again (healthbot model download URL --sha256 HEX), and " +
                "install libgomp1 if it is missing");
        }

        return model.IsReady
            ? new DoctorFinding("model", true, $"{llm.Value.ModelPath} loads")
            : new DoctorFinding("model", false, $"{llm.Value.ModelPath}: {model.Error ?? model.State}",
                "check Llm:ModelPath and that the file is a complete GGUF model (healthbot model info PATH)");
    }

    /// <summary>The same probes /readyz reports (Kannel's status page, the Android phone), and Twilio's API.</summary>
    public async Task<IReadOnlyList<DoctorFinding>> ProvidersAsync(CancellationToken ct)
    {
        var findings = new List<DoctorFinding>();
        foreach (var probe in probes)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(ProbeTimeout);
            ProviderProbe result;
            try
            {
                result = await probe.ProbeAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException
                                           or TaskCanceledException && !ct.IsCancellationRequested)
            {
                result = new ProviderProbe(false, $"not answering ({ex.GetType().Name})");
            }

            findings.Add(result.Up
                ? new DoctorFinding(probe.Provider, true, result.Detail)
                : new DoctorFinding(probe.Provider, false, result.Detail,
                    $"check that {probe.Provider} runs and that its address in the settings is right"));
        }

        if (twilio.Value.AccountSid.Length > 0)
        {
            var (ok, detail) = await GetAsync(twilio.Value.ApiBaseUrl, requireSuccess: false, ct);
            findings.Add(new DoctorFinding("twilio", ok, ok ? $"{twilio.Value.ApiBaseUrl} answers" : detail,
                ok ? null : "check the internet connection (ping api.twilio.com) and Twilio:ApiBaseUrl"));
        }

        return findings;
    }

    /// <summary>Twilio calls the public URL: it must be https, and answer with a valid certificate.</summary>
    public async Task<DoctorFinding> PublicUrlAsync(CancellationToken ct)
    {
        var url = twilio.Value.PublicBaseUrl.TrimEnd('/');
        if (url.Length == 0)
        {
            return new DoctorFinding("public URL", true, "not set (needed only for Twilio webhooks behind a proxy)");
        }

        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return new DoctorFinding("public URL", false, $"{url} is not https: Twilio will not call it",
                "put a TLS reverse proxy in front (deploy/INSTALL.md) and set Twilio:PublicBaseUrl to its https URL");
        }

        var (ok, detail) = await GetAsync(url + "/healthz", requireSuccess: true, ct);
        return ok
            ? new DoctorFinding("public URL", true, $"{url}/healthz answers over TLS")
            : new DoctorFinding("public URL", false, $"{url}/healthz: {detail}",
                "check the reverse proxy, its certificate and the DNS name (deploy/INSTALL.md)");
    }

    private async Task<(bool Ok, string Detail)> GetAsync(string url, bool requireSuccess, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var response = await httpClients.CreateClient().GetAsync(url, timeout.Token);
            return !requireSuccess || response.IsSuccessStatusCode
                ? (true, "answers")
                : (false, $"answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException ex) when (ex.InnerException is AuthenticationException)
        {
            return (false, "the TLS certificate is not valid");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return (false, $"not answering ({ex.GetType().Name})");
        }
    }
}
