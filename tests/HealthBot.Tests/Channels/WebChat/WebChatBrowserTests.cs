using HealthBot.Content;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HealthBot.Tests.Channels.WebChat;

/// <summary>The web chat page in a real (headless) browser against the real app on a loopback socket.</summary>
public sealed class WebChatBrowserTests(WebChatBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<WebChatBrowserFixture>
{
    private const string Hostile = "<img src=x onerror=alert(1)><b>bold</b>";

    [Fact]
    public async Task A_question_typed_and_sent_with_Enter_is_answered_from_content_without_a_reload()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        await page.EvaluateAsync("window.__sameDocument = true");

        // Keyboard only: the language picker comes first, the question box second.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Your question")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("how do I prevent malaria");
        await page.Keyboard.PressAsync("Enter");

        var answer = page.Locator("#log > li.bot").Filter(new() { HasText = WebPhrase("malaria-prevention", "en") });
        await Expect(answer).ToBeVisibleAsync();
        await Expect(page.Locator("#log > li.user")).ToHaveTextAsync("You: how do I prevent malaria");
        await Expect(page.GetByLabel("Your question")).ToHaveValueAsync("");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the page reloaded");

        // Content markdown is shown as formatting, not as the raw markers.
        Assert.True(await answer.Locator("ul > li").CountAsync() >= 3, "the answer's '- ' lines should be a bulleted list");
        await Expect(answer.Locator("em")).ToContainTextAsync("Sample content");
        Assert.DoesNotContain("- Sleep", await answer.InnerTextAsync(), StringComparison.Ordinal);
        await Expect(answer).ToHaveAttributeAsync("lang", "en");

        // Screen readers hear the new answer through the live region; the typing indicator has gone.
        await Expect(page.Locator("#announce[aria-live=polite]")).ToContainTextAsync(WebPhrase("malaria-prevention", "en"));
        await Expect(page.Locator("#typing")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Markup_typed_by_a_user_is_shown_as_literal_text()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        await AskAsync(page, "Your question", Hostile);

        await Expect(page.Locator("#log > li.user")).ToHaveTextAsync("You: " + Hostile);
        await Expect(page.Locator("#log > li.bot")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#log img, #log b")).ToHaveCountAsync(0);
        Assert.Empty(session.Dialogs);
    }

    [Fact]
    public async Task Choosing_Francais_translates_the_page_and_is_remembered()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        foreach (var code in new[] { "en", "fr", "sw", "pt", "hi" })
        {
            await Expect(page.Locator($"#language option[value={code}]")).ToHaveAttributeAsync("lang", code);
        }

        await page.GetByLabel("Language").SelectOptionAsync("fr");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByLabel("Votre question")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Langue")).ToHaveValueAsync("fr");
        await Expect(page.Locator("#intro")).ToContainTextAsync("Posez une question de santé");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Votre question")).ToBeVisibleAsync();
    }

    [FactWhenContentExists("fr/malaria-prevention.md")]
    public async Task A_French_question_gets_the_French_answer()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        await page.GetByLabel("Language").SelectOptionAsync("fr");

        await AskAsync(page, "Votre question", "comment prévenir le paludisme");

        var answer = page.Locator("#log > li.bot[lang=fr]").Filter(new() { HasText = WebPhrase("malaria-prevention", "fr") });
        await Expect(answer).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_page_is_small_enough_for_2G_and_talks_to_no_other_host()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        await AskAsync(page, "Your question", "how do I prevent malaria");
        await Expect(page.Locator("#log > li.bot")).Not.ToHaveCountAsync(0);

        long transferred = 0, decoded = 0;
        foreach (var path in new[] { "/", "/chat.js", "/chat.css" })
        {
            var request = session.Requests.Single(r => new Uri(r.Url).AbsolutePath == path);
            var response = await request.ResponseAsync() ?? throw new Xunit.Sdk.XunitException($"no response for {path}");
            Assert.Equal(200, response.Status);
            var sizes = await request.SizesAsync();
            var body = (await response.BodyAsync()).Length;
            output.WriteLine($"{path}: {sizes.ResponseBodySize} bytes transferred, {body} bytes uncompressed");
            transferred += sizes.ResponseBodySize;
            decoded += body;
        }

        output.WriteLine($"page total: {transferred} bytes transferred, {decoded} bytes uncompressed");
        Assert.InRange(transferred, 1, 60 * 1024);
        // Even a proxy that strips compression must not push the page past the budget.
        Assert.InRange(decoded, 1, 60 * 1024);
        Assert.All(session.Requests, r => Assert.Equal(fixture.BaseAddress.Authority, new Uri(r.Url).Authority));
    }

    [Fact]
    public async Task The_conversation_survives_a_reload_through_a_cookie_scripts_cannot_read()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        await AskAsync(page, "Your question", "how do I prevent malaria");
        var phrase = WebPhrase("malaria-prevention", "en");
        await Expect(page.Locator("#log > li.bot").Filter(new() { HasText = phrase })).ToBeVisibleAsync();

        await page.ReloadAsync();

        await Expect(page.Locator("#log > li.user")).ToHaveTextAsync("You: how do I prevent malaria");
        await Expect(page.Locator("#log > li.bot").Filter(new() { HasText = phrase })).ToHaveCountAsync(1);
        Assert.DoesNotContain("hb_chat", await page.EvaluateAsync<string>("document.cookie"), StringComparison.Ordinal);
        var cookie = Assert.Single(await session.Context.CookiesAsync(), c => c.Name == "hb_chat");
        Assert.True(cookie.HttpOnly);
    }

    private static async Task AskAsync(IPage page, string label, string question)
    {
        await page.GetByLabel(label).FocusAsync();
        await page.Keyboard.TypeAsync(question);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The first list item of a topic's web answer as a reader sees it: without "- ", ** or _ markers.</summary>
    private string WebPhrase(string id, string language)
    {
        var item = fixture.Factory.Service<ContentCatalog>().Current.Find(id, language)
            ?? throw new Xunit.Sdk.XunitException($"content {language}/{id} is not loaded");
        var line = item.Web.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("- ", StringComparison.Ordinal));
        return line[2..].Replace("**", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
    }
}
