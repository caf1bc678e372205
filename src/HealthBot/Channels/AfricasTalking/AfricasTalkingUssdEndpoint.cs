using System.Diagnostics;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// <c>POST /webhooks/africastalking/ussd</c>: one step of a USSD session. Answers <c>text/plain</c> starting with
/// <c>CON </c> (the session continues) or <c>END </c> (it ends), as https://developers.africastalking.com/docs/ussd
/// asks; a 4xx ends the session on the person's phone with a bare network error, so a session too long to replay
/// gets <c>END</c> and a short message instead. Nothing of the session is stored: each step replays the
/// inputs (<see cref="UssdMenu"/>), so a session that timed out simply starts again when dialled again.
/// </summary>
public static class AfricasTalkingUssdEndpoint
{
    public static async Task<IResult> AnswerAsync(
        HttpContext http, ContentCatalog catalog, UssdActions actions, IOptions<AfricasTalkingOptions> options,
        IHostApplicationLifetime lifetime, ILoggerFactory logs)
    {
        var settings = options.Value;
        if (AtCallbackGuard.Refuse(http, settings) is { } refused)
        {
            return refused;
        }

        if (!settings.Ussd.Enabled)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "AfricasTalking:Ussd:Enabled is false");
        }

        var (form, unreadable) = await AtCallbackGuard.FormAsync(http);
        if (form is null)
        {
            return unreadable!;
        }

        var (request, error) = AtUssdRequest.Parse(form);
        if (request is null || (settings.Ussd.ServiceCodes.Length > 0 &&
                                !settings.Ussd.ServiceCodes.Contains(request.ServiceCode, StringComparer.Ordinal)))
        {
            return Results.Problem(statusCode: 400, title: "Invalid USSD request",
                detail: error ?? "serviceCode is not one of AfricasTalking:Ussd:ServiceCodes");
        }

        var log = logs.CreateLogger(typeof(AfricasTalkingUssdEndpoint));
        var clock = Stopwatch.StartNew();
        var menu = new UssdMenu(catalog.Current, actions.Referral, settings.Ussd.ScreenOctets);
        var step = request.TooLong ? menu.TooLong(request.Inputs) : menu.Answer(request.Inputs);
        if (step.Action is { } action &&
            await RunAsync(actions.RunAsync(action, request, lifetime.ApplicationStopping), settings.Ussd.AnswerWithin,
                log) == UssdOutcome.OptedOut)
        {
            step = step with { Text = UssdLabels.For(action.Language).Stopped, End = true };
        }

        log.LogInformation("USSD step {Inputs} ({Kind}) answered in {Milliseconds} ms", request.Inputs.Count,
            step.End ? "END" : "CON", clock.ElapsedMilliseconds);
        return Results.Text((step.End ? "END " : "CON ") + step.Text, "text/plain; charset=utf-8");
    }

    /// <summary>
    /// The network drops a session that waits too long, so the screen goes after <paramref name="within"/> even if
    /// the action is still writing; it then finishes on its own (its token is the service's, not the request's).
    /// </summary>
    /// <returns>What the action did, or null when it is still running or failed.</returns>
    private static async Task<UssdOutcome?> RunAsync(Task<UssdOutcome> work, TimeSpan within, ILogger log)
    {
        if (await Task.WhenAny(work, Task.Delay(within)) != work)
        {
            // The action still checks consent before it queues anything: only the screen may be the usual one.
            log.LogWarning("USSD action still running after {Within}; answered first", within);
            _ = work.ContinueWith(
                t => log.LogError("USSD action failed after the answer ({Error})", Outbox.LoggedError.Of(t.Exception!)),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return null;
        }

        try
        {
            return await work;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The screen (the referral, "we are sending it") is still right to show; staff see the error in the log.
            log.LogError("USSD action failed ({Error})", Outbox.LoggedError.Of(ex));
            return null;
        }
    }
}
