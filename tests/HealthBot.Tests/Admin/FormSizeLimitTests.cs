using System.Net;
using System.Text.RegularExpressions;
using HealthBot.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>
/// A form over Admin:MaxFormBytes, sent to a real Kestrel server (the in-memory test server does not enforce the
/// limit): a proper 413 with the workspace's page saying the limit, in the staff's language; never a status 0.
/// </summary>
public sealed partial class FormSizeLimitTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var address = factory.StartOnLoopback();
        var email = $"editor-{Guid.NewGuid():N}@ngo.example";
        await factory.CreateUserAsync(email, StaffRoles.Editor);
        client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = address,
        };
        var login = await client.PostAsync("/admin/login", await FormAsync("/admin/login", new()
        {
            ["Email"] = email, ["Password"] = AdminHttp.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Theory]
    [InlineData("en", "The form was too large to send")]
    [InlineData("sw", "Fomu ilikuwa kubwa mno kutumwa")]
    public async Task A_form_over_the_limit_answers_413_with_the_limit_in_the_staff_s_language(
        string language, string heading)
    {
        const string page = "/admin/content/handwashing/en";
        var form = await FormAsync(page, new()
        {
            ["Title"] = "Handwashing", ["Sms"] = new string('a', 5 * 1024 * 1024), ["Web"] = "Soap.",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{page}?handler=Save") { Content = form };
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(UiText.Built(language, "Nothing was saved: the workspace accepts a form of at most 4 MB. " +
            "Go back (your browser usually still has your text there), make it shorter or save it in parts, and " +
            "send it again."), html, StringComparison.Ordinal);
        Assert.Contains("4 MB", html, StringComparison.Ordinal);
        Assert.Contains("/admin/assets/admin.css", html, StringComparison.Ordinal); // the workspace's layout
    }

    private async Task<FormUrlEncodedContent> FormAsync(string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value;
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
