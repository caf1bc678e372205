using HealthBot.Channels.Twilio;
using HealthBot.Tests.Channels.WebChat;
using HealthBot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HealthBot.Tests.Admin;

/// <summary>
/// The app on a loopback socket, a local Twilio peer for the SMS replies, and one headless Debian Chromium.
/// </summary>
public sealed class AdminBrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public LocalTwilioPeer Peer { get; private set; } = null!;

    public HealthBotFactory Factory { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Peer = await LocalTwilioPeer.StartAsync(authToken: HealthBotFactory.AuthToken);
        // Chromium reaches the app over plain HTTP on loopback, where Secure cookies cannot be set by the server.
        // Times show in the deployment's zone: Nairobi (UTC+3 all year) makes a UTC time on a page stand out.
        Factory = new HealthBotFactory(Peer.BaseUrl, settings: new Dictionary<string, string?>
        {
            ["Admin:SecureCookies"] = "false",
            ["Admin:TimeZone"] = "Africa/Nairobi",
            // Campaign sends in these tests must not wait for the morning: the seeded contacts live in Nairobi and
            // Paris, so the default quiet hours (20:00-08:00 local) would hold them whenever CI runs in the evening.
            ["Campaigns:QuietHoursEnd"] = "00:00:00",
            ["Campaigns:QuietHoursStart"] = "23:59:59",
            // A draft's test questions, run in the background when it is saved.
            ["Admin:EvalSet"] = HealthBotFactory.RepositoryPath("tests/HealthBot.Tests/Admin/testdata/draft-questions.tsv"),
        });
        BaseAddress = Factory.StartOnLoopback();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = WebChatBrowserFixture.ChromiumPath, Args = ChromiumArgs, Headless = true });
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>
    /// A new browser (its own cookies), signed in through the login form as a new account with <paramref name="role"/>.
    /// </summary>
    public async Task<IPage> SignInAsync(string role, string? email = null, string locale = "en-GB")
    {
        email ??= $"{role}-{Guid.NewGuid():N}@ngo.example";
        await Factory.CreateUserAsync(email, role);
        var context = await browser!.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = locale });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin");
        await page.GetByLabel(locale.StartsWith("fr", StringComparison.Ordinal) ? "Adresse e-mail" : "Email").FillAsync(email);
        await page.Locator("#password").FillAsync(AdminHttp.Password);
        await page.Locator("#password").PressAsync("Enter");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync(email);
        return page;
    }

    /// <summary>A new browser that is not signed in: a person using the web chat.</summary>
    public async Task<IPage> OpenAnonymousAsync(string locale = "en-GB")
    {
        var context = await browser!.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = locale });
        return await context.NewPageAsync();
    }

    /// <summary>An SMS to the bot, signed as Twilio signs it, over the real socket.</summary>
    public async Task SendSmsAsync(string from, string body)
    {
        const string path = "/webhooks/twilio/sms";
        var form = HealthBotFactory.InboundForm(from, body);
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(HealthBotFactory.AuthToken, HealthBotFactory.PublicBaseUrl + path, form));
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await Factory.DisposeAsync();
        await Peer.DisposeAsync();
    }
}
