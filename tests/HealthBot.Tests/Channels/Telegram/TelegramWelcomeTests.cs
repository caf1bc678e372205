using HealthBot.Channels.Telegram;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>
/// Telegram's Start button: the first time it is the first-contact welcome (what a new chat saying "hello" gets,
/// with "general information, not a diagnosis" and the emergency line) in the person's language; after /stop it
/// is the welcome back.
/// </summary>
public sealed class TelegramWelcomeTests : IAsyncLifetime
{
    private LocalTelegramPeer telegram = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        (telegram, factory) = await TelegramTestBot.StartAsync(true);
    }

    public Task DisposeAsync() => TelegramTestBot.StopAsync(factory, telegram);

    [Theory]
    [InlineData("en", 1111801L)]
    [InlineData("fr", 1111802L)]
    [InlineData("sw", 1111803L)]
    [InlineData("pt-br", 1111804L)]
    [InlineData("hi", 1111805L)]
    public async Task A_first_start_gets_the_first_contact_welcome_in_the_persons_language(string app, long chat)
    {
        await telegram.PersonSendsAsync(chat, "/start", app);

        var welcome = (await SentAsync(chat, 1)).Single();
        var language = app.Split('-')[0];
        Assert.Equal(Section(language, "greeting"), welcome.Visible);
        var contact = await factory.Service<IContactStore>().FindAsync("telegram", chat.ToString(
            System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Consent.OptedIn, contact!.Consent);
        Assert.Equal(language, contact.Language);
    }

    [Fact]
    public async Task Start_after_stop_is_the_welcome_back_and_a_new_chat_saying_hello_gets_the_same_first_welcome()
    {
        await telegram.PersonSendsAsync(1111806, "hello");
        var hello = (await SentAsync(1111806, 1)).Single().Visible;
        await telegram.PersonSendsAsync(1111807, "/start");
        Assert.Equal(hello, (await SentAsync(1111807, 1)).Single().Visible);
        Assert.Contains("not a diagnosis", hello, StringComparison.Ordinal);

        await telegram.PersonSendsAsync(1111807, "/stop");
        await SentAsync(1111807, 2);
        await telegram.PersonSendsAsync(1111807, "/start");

        Assert.Equal(Section("en", "opt_in"), (await SentAsync(1111807, 3))[2].Visible);
    }

    private Task<List<TelegramPeerMessage>> SentAsync(long chat, int count) =>
        Eventually.WaitForAsync(() => telegram.Received.Where(m => m.ChatId == chat).ToList(),
            r => r.Count >= count, $"{count} message(s) to {chat}", 30000);

    /// <summary>The content's own words for a system message, so a change of wording does not break the test.</summary>
    private static string Section(string language, string name)
    {
        var lines = File.ReadAllLines(Path.Combine(HealthBotFactory.ContentDirectory, language, "system.md"));
        var at = Array.IndexOf(lines, "## " + name);
        return string.Join("\n", lines.Skip(at + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
            .Trim();
    }
}
