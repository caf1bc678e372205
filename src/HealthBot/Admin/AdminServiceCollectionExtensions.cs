using HealthBot.Admin.Inbox;
using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin;

public static class AdminServiceCollectionExtensions
{
    public const string LoginPath = "/admin/login";

    private const string ErrorPath = "/admin/error/{0}";

    /// <summary>Stores and workflow services: also for one-shot commands (<c>healthbot user add</c>).</summary>
    public static IServiceCollection AddAdminCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqlStaffStore>();
        services.AddSingleton<SqlContentEditStore>();
        services.AddSingleton<SqlHandoffStore>();
        services.AddSingleton<SqlInsightsStore>();
        services.AddSingleton<SqlAnswerInsights>();
        services.AddSingleton<IHandoffState>(sp => sp.GetRequiredService<SqlHandoffStore>());
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<PublishedContentOverlay>();
        services.AddSingleton<ContentWorkflow>();
        services.AddSingleton<TriageDrafts>();
        services.AddSingleton<DraftImpacts>();
        services.AddSingleton<InboxService>();
        services.AddSingleton<Inbox.StaffReplyShaper>();
        services.AddSingleton<CampaignWorkspace>();
        services.AddSingleton<StaffClock>();
        services.AddSingleton<Inbox.SqlInboxStore>();
        services.AddSingleton<WorkspaceDashboard>();
        services.AddSingleton<TopicNames>();
        return services;
    }

    /// <summary>
    /// The web workspace: Razor Pages under /admin with cookie sign-in, role policies and antiforgery on every post.
    /// </summary>
    public static IServiceCollection AddAdminWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService(sp => sp.GetRequiredService<PublishedContentOverlay>());
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = "/admin/logout";
            o.Cookie.Name = "hb-staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/admin";
            o.SlidingExpiration = true;
            // Scripted clients get status codes; browsers get the sign-in page.
            o.Events.OnRedirectToAccessDenied = ctx => Status(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = StaffSessionValidation.ValidateAsync;
        });
        services.AddAuthorization(StaffRoles.AddPolicies);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "hb-csrf";
            o.Cookie.Path = "/admin";
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AdminOptions>>((o, admin) =>
        {
            o.Cookie.SecurePolicy = SecurePolicy(admin.Value);
            o.ExpireTimeSpan = admin.Value.SessionLifetime;
        });
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<AdminOptions>>((o, admin) =>
            o.Cookie.SecurePolicy = SecurePolicy(admin.Value));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Admin/Pages";
            o.Conventions.AuthorizeFolder("/", StaffRoles.StaffPolicy);
            o.Conventions.AllowAnonymousToPage("/Login");
        });
        return services;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        // Workspace errors get the workspace's page (its layout, what to do); webhooks and APIs keep their own. Not a
        // UseWhen branch: a branch has no endpoint routing, so the re-executed error path would find no page.
        app.UseStatusCodePagesWithReExecute(ErrorPath);
        app.Use(WorkspaceErrors);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapGet("/admin/assets/admin.css", () => Results.Text(AdminAssets.Css, "text/css")).AllowAnonymous();
        app.MapGet("/admin/assets/admin.js", () => Results.Text(AdminAssets.Js, "text/javascript")).AllowAnonymous();
        app.MapGet("/admin/language/{code}", (string code, HttpContext http) =>
        {
            // A display preference, not a secret.
            http.Response.Cookies.Append(UiText.CookieName, UiText.IsLanguage(code) ? code : "en",
                new CookieOptions
                {
                    Path = "/admin", Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax,
                    MaxAge = TimeSpan.FromDays(365),
                });
            return Results.LocalRedirect(SamePage(http));
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The workspace page the language link was clicked on (from the Referer, when it is this site's /admin page), so
    /// switching language keeps the person where they were; otherwise the workspace's start page.
    /// </summary>
    private static string SamePage(HttpContext http)
    {
        var referer = http.Request.GetTypedHeaders().Referer;
        var sameSite = referer is { IsAbsoluteUri: true }
            && string.Equals(referer.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
        var path = sameSite ? referer!.PathAndQuery : "";
        return path.StartsWith("/admin", StringComparison.Ordinal)
            && !path.StartsWith("/admin/language", StringComparison.Ordinal)
            ? path
            : "/admin";
    }

    /// <summary>
    /// Outside /admin the re-execution above is turned off; inside, an exception becomes an empty 500, which it
    /// re-executes as the error page (the exception is logged here, as the exception handler would).
    /// </summary>
    private static async Task WorkspaceErrors(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments("/admin"))
        {
            http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
            await next(http);
            return;
        }

        if (await AnonymousPostAsync(http))
        {
            return;
        }

        if (await FormRefusedAsync(http) is { } refused)
        {
            // Re-executed as the workspace's 413 page, which says the limit (or its 400 page, which says why the form
            // could not be read); the page itself would read the form for its antiforgery token, fail, and answer a
            // plain 400 (and its re-execution had lost its status code).
            http.Response.StatusCode = refused;
            return;
        }

        try
        {
            await next(http);
        }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("HealthBot.Admin.Errors")
                .LogError(ex, "Workspace page {Path} failed", http.Request.Path.Value);
            http.Response.Clear();
            http.Response.StatusCode = ex is BadHttpRequestException bad
                ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>
    /// A post from someone not signed in is sent to sign in (as the page's own authorization would) before its body
    /// is read: otherwise anyone could make the server read several megabytes of form per request.
    /// </summary>
    private static async Task<bool> AnonymousPostAsync(HttpContext http)
    {
        var path = http.Request.Path;
        // A request without a body (a DELETE to the token-guarded metrics) has nothing to read: routing answers it.
        var body = http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0
                   || http.Request.HasFormContentType;
        if (!body || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || path.StartsWithSegments(LoginPath) || path.StartsWithSegments("/admin/language")
            || path.StartsWithSegments("/admin/assets")
            || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || (await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme)).Succeeded)
        {
            return false;
        }

        await http.ChallengeAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return true;
    }

    /// <summary>Reads a posted form first (the page would read it anyway): 413 when it is over the size limit, 400
    /// (with the reason in <see cref="FormProblems.ItemKey"/>) when it cannot be read, else null.</summary>
    private static async Task<int?> FormRefusedAsync(HttpContext http)
    {
        // Editor forms carry whole texts (a language's triage.md, form-encoded, is up to ~1 MB): more than the
        // server's default; a field over its own limit is then refused on the form itself (EditorLimits).
        var maxForm = http.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.MaxFormBytes;
        if (!HttpMethods.IsGet(http.Request.Method) &&
            http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxForm;
            if (http.Request.ContentLength is { } declared && declared > maxForm && declared <= 4 * maxForm)
            {
                // Read (and drop) a form somewhat over the limit before answering: refused unread, Kestrel closes
                // the connection while the browser still sends it, and the browser shows a connection error
                // instead of the 413 page.
                limit.MaxRequestBodySize = declared;
                await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
                return StatusCodes.Status413PayloadTooLarge;
            }
        }

        // The error page's re-execution of the same request comes through here again: the page must render then.
        if (HttpMethods.IsGet(http.Request.Method) || !http.Request.HasFormContentType ||
            http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            return null;
        }

        // Kept (in memory, then a temporary file) so a refused form can be read again to name the field at fault.
        var encoded = http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded",
            StringComparison.OrdinalIgnoreCase) == true;
        if (encoded)
        {
            http.Request.EnableBuffering();
        }

        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
            return null;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return StatusCodes.Status413PayloadTooLarge; // over MaxFormBytes
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return StatusCodes.Status413PayloadTooLarge; // one value (or part) over the form reader's own limit
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
        {
            // A NUL in a value, a broken multipart body: the form is refused, but not for its size.
            http.Items[FormProblems.ItemKey] = encoded
                ? await FormProblems.ExplainAsync(http.Request.Body, http.RequestAborted) : FormProblems.Unreadable;
            return StatusCodes.Status400BadRequest;
        }
    }

    private static CookieSecurePolicy SecurePolicy(AdminOptions admin) =>
        admin.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    private static Task Status(
        Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        ctx.Response.StatusCode = status;
        if (ctx.Request.Path.StartsWithSegments("/admin"))
        {
            // The workspace's error page explains it (see MapAdmin).
            return Task.CompletedTask;
        }

        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.WriteAsync(
            $"<!doctype html><html lang=\"en\"><title>403</title><h1>" +
            $"{ctx.HttpContext.T("Your role does not allow this.")}" +
            $"</h1><p><a href=\"/admin\">{ctx.HttpContext.T("Staff workspace")}</a></p></html>");
    }
}
