using System.Collections.Concurrent;
using HealthBot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HealthBot.Tests.Channels.WebChat;

/// <summary>
/// The app on a loopback socket and one headless Debian Chromium, shared by the web chat browser tests.
/// Each test opens its own browser context, so it has its own cookie and therefore its own conversation.
/// </summary>
public sealed class WebChatBrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Playwright must not download a browser; these flags also keep Chromium from calling Google services,
    // which would otherwise show up as requests to other hosts.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public HealthBotFactory Factory { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: the web chat browser tests drive Debian's Chromium. Run `apt-get install chromium` (.ci/run does this in CI).");
        }

        BaseAddress = Factory.StartOnLoopback();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ChromiumArgs, Headless = true });
        // The dialog worker answers within a second or two, but a loaded CI machine deserves slack.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task<BrowserSession> OpenAsync()
    {
        var context = await browser!.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "en-GB" });
        var requests = new ConcurrentQueue<IRequest>();
        context.Request += (_, request) => requests.Enqueue(request);
        var session = new BrowserSession(context, await context.NewPageAsync(), requests);
        session.Page.Dialog += async (_, dialog) =>
        {
            session.Dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
        return session;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>One user's browser: every request it made and every dialog (alert, confirm) the page tried to show.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, ConcurrentQueue<IRequest> requests) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public ConcurrentQueue<IRequest> Requests { get; } = requests;

    public ConcurrentQueue<string> Dialogs { get; } = [];

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

/// <summary>A fact reported as skipped, with the reason, while a content file it needs has not been written yet.</summary>
public sealed class FactWhenContentExistsAttribute : FactAttribute
{
    public FactWhenContentExistsAttribute(string contentFile)
    {
        if (!File.Exists(Path.Combine(HealthBotFactory.ContentDirectory, contentFile)))
        {
            Skip = $"content/{contentFile} does not exist yet (translations are being written in parallel), so the translated answer is not checked";
        }
    }
}
