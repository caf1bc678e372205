using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HealthBot.Tests.Admin;

/// <summary>Staff accounts and a signed-in HTTP client for the workspace tests (HTTPS, so the Secure cookies flow).</summary>
public static partial class AdminHttp
{
    public const string Password = "correct horse battery staple";

    public static async Task CreateUserAsync(this HealthBotFactory factory, string email, string role) =>
        await factory.Service<StaffAccounts>().CreateAsync(email, role, Password, "test");

    public static HttpClient Client(this HealthBotFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    /// <summary>A client signed in as a new account with <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(this HealthBotFactory factory, string role, string? email = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@ngo.example";
        await factory.CreateUserAsync(email, role);
        var client = factory.Client();
        var response = await client.PostAsync("/admin/login", await FormAsync(client, "/admin/login", new() { ["Email"] = email, ["Password"] = Password }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A form for a page, with the antiforgery token that page handed out.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value;
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
