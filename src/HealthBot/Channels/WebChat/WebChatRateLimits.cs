using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels.WebChat;

/// <summary>
/// Rate limits for the anonymous web chat API (https://learn.microsoft.com/aspnet/core/performance/rate-limit):
/// per client address, for everyone together, and for new chats per client address (each new chat is a new contact,
/// which is what turned 50 anonymous requests into 50 alerts). Other paths are not limited here.
/// </summary>
public static class WebChatRateLimits
{
    public const string ApiPrefix = "/api/webchat";

    public static IServiceCollection AddWebChatRateLimits(this IServiceCollection services) =>
        services.AddSingleton<Limiters>();

    /// <summary>
    /// Checks the limits for every request. Not ASP.NET Core's rate-limiting middleware: it also starts a limiter of
    /// its own (a replenishing timer) that nothing disposes, which kept every stopped host alive.
    /// </summary>
    public static IApplicationBuilder UseWebChatRateLimits(this IApplicationBuilder app)
    {
        var limiters = app.ApplicationServices.GetRequiredService<Limiters>();
        return app.Use(async (http, next) =>
        {
            // No queue (QueueLimit 0): a request is let through or refused at once.
            using var lease = limiters.Global.AttemptAcquire(http);
            if (lease.IsAcquired)
            {
                await next(http);
            }
            else
            {
                await RejectAsync(http, lease);
            }
        });
    }

    /// <summary>
    /// The limiters, owned by the container so they are disposed with the host: each partitioned limiter runs a
    /// replenishing timer until disposed.
    /// </summary>
    private sealed class Limiters : IDisposable
    {
        private readonly PartitionedRateLimiter<HttpContext>[] windows;

        public Limiters(IOptions<WebChatOptions> webChat)
        {
            var limits = webChat.Value;
            var (minute, hour) = (TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
            windows =
            [
                Window(ctx => IsApi(ctx) ? $"ip:{ClientKey(ctx)}" : null, limits.RequestsPerMinutePerClient, minute),
                Window(ctx => IsApi(ctx) ? "all" : null, limits.RequestsPerMinute, minute),
                Window(ctx => IsNewChat(ctx) ? $"new:{ClientKey(ctx)}" : null, limits.NewChatsPerHourPerClient, hour),
            ];
            Global = PartitionedRateLimiter.CreateChained(windows);
        }

        public PartitionedRateLimiter<HttpContext> Global { get; }

        public void Dispose()
        {
            // The chained limiter does not dispose the limiters it chains.
            Global.Dispose();
            foreach (var window in windows)
            {
                window.Dispose();
            }
        }
    }

    /// <summary>A fixed window per partition; a null partition (another path) is not limited.</summary>
    private static PartitionedRateLimiter<HttpContext> Window(
        Func<HttpContext, string?> partition, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(ctx => partition(ctx) is { } key
            ? RateLimitPartition.GetFixedWindowLimiter(
                key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(string.Empty));

    private static bool IsApi(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsNewChat(HttpContext ctx) =>
        IsApi(ctx) && HttpMethods.IsPost(ctx.Request.Method)
        && !ctx.Request.Cookies.ContainsKey(WebChatEndpoints.CookieName);

    /// <summary>The client's address after trusted proxies; an IPv6 client is its /64 (one household's).</summary>
    private static string ClientKey(HttpContext ctx)
    {
        if (ctx.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return address.ToString();
    }

    private static async Task RejectAsync(HttpContext http, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"please wait {seconds} seconds and try again";
        await Results.Problem(statusCode: 429, title: "Too many requests", detail: detail).ExecuteAsync(http);
    }
}
