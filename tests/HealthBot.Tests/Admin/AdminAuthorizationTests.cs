using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;

namespace HealthBot.Tests.Admin;

/// <summary>Every /admin endpoint the app maps, found through the endpoint data sources: none is reachable without the right role.</summary>
public sealed partial class AdminAuthorizationTests : IAsyncLifetime
{
    // The error page shows only fixed advice (no data), to people signed out too.
    private static readonly string[] PublicPaths =
        ["/admin/login", "/admin/assets/admin.css", "/admin/assets/admin.js", "/admin/language/{code}", "/admin/error/{code:int}"];
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Unauthenticated_requests_go_to_sign_in_and_wrong_roles_get_403()
    {
        var endpoints = AdminEndpoints();
        Assert.Contains(endpoints, e => e.Path == "/admin/content");
        Assert.Contains(endpoints, e => e.Path == "/admin/users");
        Assert.Contains(endpoints, e => e.Path == "/admin/campaigns");
        Assert.Contains(endpoints, e => e.Path == "/admin/campaigns/new");
        Assert.Contains(endpoints, e => e.Path == "/admin/campaigns/{id:long}/report");
        var anonymous = endpoints.Where(e => e.Anonymous).Select(e => e.Path).ToHashSet();
        Assert.Equal(PublicPaths.Order(), anonymous.Order());
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in StaffRoles.All)
        {
            clients[role] = await factory.SignedInAsync(role);
        }

        var anonymousClient = factory.Client();
        foreach (var endpoint in endpoints.Where(e => !e.Anonymous))
        {
            var url = Parameter().Replace(endpoint.Path, "1");
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                var response = await anonymousClient.SendAsync(new HttpRequestMessage(method, url));
                // 405: the endpoint does not serve that method at all (the metrics scrape is GET/HEAD only).
                Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.MethodNotAllowed
                    || (response.StatusCode == HttpStatusCode.Redirect &&
                    response.Headers.Location!.ToString().Contains("/admin/login", StringComparison.Ordinal)), $"{method} {url} anonymous: {response.StatusCode}");
            }

            var allowed = await AllowedRolesAsync(endpoint.Policies);
            foreach (var role in StaffRoles.All.Except(allowed))
            {
                var response = await clients[role].GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url} as {role}: {response.StatusCode}");
            }
        }
    }

    private List<(string Path, bool Anonymous, IReadOnlyList<string> Policies)> AdminEndpoints()
    {
        var sources = factory.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Endpoint: e))
            .Where(e => e.Path.StartsWith("/admin", StringComparison.Ordinal))
            .Select(e => (e.Path, e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                (IReadOnlyList<string>)e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "").ToList()))
            .DistinctBy(e => e.Path)
            .ToList();
    }

    private async Task<IReadOnlyList<string>> AllowedRolesAsync(IReadOnlyList<string> policies)
    {
        var provider = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        IEnumerable<string> allowed = StaffRoles.All;
        foreach (var name in policies.Where(p => p.Length > 0))
        {
            var policy = await provider.GetPolicyAsync(name);
            Assert.NotNull(policy);
            foreach (var roles in policy.Requirements.OfType<RolesAuthorizationRequirement>())
            {
                allowed = allowed.Intersect(roles.AllowedRoles);
            }
        }

        return allowed.ToList();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
