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

    /// <summary>A form for a page, with the antiforgery token that page handed out and, as a browser posts it, the
    /// editor's hidden <c>Opened</c> and <c>Was</c> fields (what the form was opened on) unless the test sets them.
    /// </summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value;
        if (!fields.ContainsKey("Opened") && Opened().Match(html) is { Success: true } opened)
        {
            fields["Opened"] = WebUtility.HtmlDecode(opened.Groups[1].Value);
        }

        if (!fields.ContainsKey("Was") && Was().Match(html) is { Success: true } was)
        {
            fields["Was"] = WebUtility.HtmlDecode(was.Groups[1].Value);
        }

        return new FormUrlEncodedContent(fields);
    }

    /// <summary>
    /// The publish/reject form of a review page as the reviewer's browser would post it: the antiforgery token and the
    /// revision of the text the page showed.
    /// </summary>
    public static async Task<FormUrlEncodedContent> ReviewFormAsync(HttpClient client, long editId)
    {
        var html = await client.GetStringAsync($"/admin/review/{editId}");
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value };
        if (Revision().Match(html) is { Success: true } revision)
        {
            fields["Revision"] = revision.Groups[1].Value;
        }

        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"Opened\" value=\"([^\"]*)\"")]
    private static partial Regex Opened();

    [GeneratedRegex("name=\"Revision\" value=\"([^\"]*)\"")]
    private static partial Regex Revision();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Was\" value=\"([^\"]*)\"")]
    private static partial Regex Was();
}
