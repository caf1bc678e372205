using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Safety;
using HealthBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// Whole USSD sessions over HTTP, as Africa's Talking posts them (every input so far joined with *), through the
/// real content in five languages: choose a language, a group, a topic, read the answer screen by screen, have it
/// sent by SMS (reaching the local Africa's Talking peer), or ask for help now (the referral and a staff alert).
/// </summary>
public sealed partial class UssdSessionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string OnCall = "+254700999001";
    private LocalAfricasTalkingPeer peer = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        peer = await LocalAfricasTalkingPeer.StartAsync(AfricasTalkingEndToEndTests.ApiKey);
        var settings = AfricasTalkingEndToEndTests.Settings(peer);
        settings["Safety:OnCallNumbers:0"] = OnCall;
        settings["AfricasTalking:Ussd:ServiceCodes:0"] = peer.ServiceCode;
        factory = new HealthBotFactory(settings: settings);
        var healthBot = factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort());
        peer.CallbackBaseUrl = new Uri(healthBot, AfricasTalkingWebhookEndpoints.Base).ToString();
        peer.CallbackSecret = AfricasTalkingWebhookTests.Secret;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await peer.DisposeAsync();
    }

    [Theory]
    [InlineData("1", "en", "Choose a topic", "More")]
    [InlineData("2", "fr", "Choisissez un sujet", "Suite")]
    [InlineData("3", "sw", "Chagua mada", "Zaidi")]
    [InlineData("4", "pt", "Escolha um tema", "Mais")]
    [InlineData("5", "hi", "विषय चुनें", "आगे")]
    public async Task A_session_reads_a_topic_screen_by_screen_and_has_it_sent_by_sms(
        string option, string language, string chooseTopic, string more)
    {
        var phone = "+25471100080" + option;
        var session = peer.Dial(phone);
        var clock = Stopwatch.StartNew();
        Assert.StartsWith("CON HealthBot\n1 English\n2 Francais", await session.StartAsync(), StringComparison.Ordinal);

        Assert.StartsWith("CON " + chooseTopic, await session.PressAsync(option), StringComparison.Ordinal);
        var topics = await session.PressAsync("3");
        var item = Item("malaria-prevention", language);
        Assert.Contains("1 " + UssdLayout.Prepare(item.Title, language), topics, StringComparison.Ordinal);

        var pages = new List<string> { await session.PressAsync("1") };
        while (pages[^1].Contains("\n1 " + more + "\n", StringComparison.Ordinal))
        {
            pages.Add(await session.PressAsync("1"));
        }

        // Every word of the answer is read, in order, and no page is cut inside a word.
        Assert.Equal(Words(UssdLayout.Prepare(item.Sms, language)), Words(string.Join(' ', pages.Select(Body))));
        Assert.True(pages.Count >= 2, $"{pages.Count} screens");
        Assert.Equal(pages[^2], await session.PressAsync("0"));
        Assert.StartsWith("CON " + chooseTopic, await session.PressAsync("00"), StringComparison.Ordinal);
        await session.PressAsync("3");
        await session.PressAsync("1");
        for (var i = 1; i < pages.Count; i++)
        {
            await session.PressAsync("1");
        }

        var sent = await session.PressAsync("2");

        Assert.Equal("END " + UssdLabels.For(language).Sent, sent);
        Assert.All(session.Screens, s => Assert.Matches("^(CON|END) ", s));
        Assert.All(session.Screens, s => Assert.True(UssdScreen.Fits(s[4..]), $"{s.Length - 4} characters: {s}"));
        var sms = await Eventually.WaitForAsync(() => peer.Sent.Where(s => s.To == phone).ToList(), l => l.Count > 0,
            "the topic by SMS", 30000);
        Assert.Contains(Words(item.Sms)[0], sms[0].Message, StringComparison.OrdinalIgnoreCase);
        var contact = await factory.Service<IContactStore>().FindAsync("sms", phone);
        // Asking is not a subscription: the new contact stays implicit (answered, not sent campaigns by consent).
        Assert.Equal((Consent.Implicit, language), (contact!.Consent, contact.Language));
        output.WriteLine($"{language}: {session.Screens.Count} requests in {clock.ElapsedMilliseconds} ms, " +
                         $"answer in {pages.Count} screens");
    }

    [Fact]
    public async Task Every_hindi_screen_fits_the_ussd_budget_counted_as_the_network_counts_it()
    {
        var screens = new List<string>();
        var texts = new List<string> { "", "5", "5*98" };
        var library = factory.Service<ContentCatalog>().Current;
        for (var group = 1; group <= 6; group++)
        {
            texts.Add($"5*{group}");
            texts.Add($"5*{group}*98");
            texts.Add($"5*{group}*98*98");
        }

        // The longest Hindi answer, every screen of it, then help.
        var longest = library.Published("hi").MaxBy(i => i.Sms.Length)!;
        var path = PathTo(longest.Id, "hi");
        for (var page = 0; page < 12; page++)
        {
            texts.Add(path + string.Concat(Enumerable.Repeat("*1", page)));
        }

        texts.Add("5*6");
        foreach (var text in texts)
        {
            var (_, body) = await peer.UssdAsync("ATUid_budget", "+919800000810", text);
            screens.Add(body[4..]);
        }

        Assert.Contains(screens, s => s.Contains("98 आगे", StringComparison.Ordinal));
        foreach (var screen in screens.Where(s => s.Any(c => c > '\u0900')))
        {
            // UCS-2 carries 80 characters in a USSD string's 160 octets; a letter with its vowel sign is two.
            Assert.True(screen.Length <= 80, $"{screen.Length} UTF-16 characters: {screen}");
            Assert.True(new StringInfo(screen).LengthInTextElements <= 182, screen);
        }

        Assert.Contains(screens, s => s.Length > 70);
        output.WriteLine($"{screens.Count} Hindi screens, longest {screens.Max(s => s.Length)} characters");
    }

    [Fact]
    public async Task I_need_help_now_shows_the_urgent_referral_and_alerts_staff_once()
    {
        var session = peer.Dial("+254711000820");
        await session.StartAsync();
        var home = await session.PressAsync("3");
        var help = Regex.Match(home, @"\n(\d+) Nahitaji msaada sasa").Groups[1].Value;

        var referral = await session.PressAsync(help);

        Assert.StartsWith("END ", referral, StringComparison.Ordinal);
        Assert.Contains("112", referral, StringComparison.Ordinal);
        Assert.Contains("kituo cha afya kilicho karibu nawe", referral, StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync($"SELECT COUNT(*) FROM alerts WHERE rule = '{UssdActions.Rule}'"));
        await Eventually.WaitForAsync(() => peer.Sent.Where(s => s.To == OnCall).ToList(), l => l.Count == 1,
            "the on-call SMS", 30000);

        // The network repeats the request (a slow answer, a retry): the same screen, no second alert.
        Assert.Equal(referral, (await peer.UssdAsync(session.SessionId, "+254711000820", session.Text)).Body);
        await factory.WaitIdleAsync();
        Assert.Equal(1, await factory.CountAsync("SELECT COUNT(*) FROM alerts"));
        Assert.Single(peer.Sent, s => s.To == OnCall);
        Assert.DoesNotContain(factory.Logs, l => l.Contains("254711000820", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_after_reading_a_topic_names_the_topic_in_the_alert()
    {
        var session = peer.Dial("+254711000821");
        await session.StartAsync();
        foreach (var input in PathTo("snakebite").Split('*'))
        {
            await session.PressAsync(input);
        }

        while (!session.Screens[^1].Contains("\n3 I need help now", StringComparison.Ordinal))
        {
            await session.PressAsync("1");
        }

        Assert.StartsWith("END This is an emergency", await session.PressAsync("3"), StringComparison.Ordinal);
        var alert = Assert.Single(await factory.Service<IAlertStore>().OpenAsync(10));
        Assert.Equal((UssdActions.Rule, "snakebite"), (alert.Rule, alert.Topic));
    }

    private ContentItem Item(string id, string language) =>
        factory.Service<ContentCatalog>().Current.Find(id, language)!;

    /// <summary>An answer screen without its footer ("1 More", "2 …", "3 …", "0 Back 00 Home").</summary>
    private static string Body(string screen)
    {
        var lines = screen[4..].Split('\n').ToList();
        while (lines.Count > 0 && Regex.IsMatch(lines[^1], "^[0-3] "))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    /// <summary>The inputs that open a topic: its language's number, its group's, its own.</summary>
    private string PathTo(string id, string language = "en")
    {
        var library = factory.Service<ContentCatalog>().Current;
        var group = UssdGroup.Standard.Select((g, i) => (g, i)).Single(x => x.g.Topics.Contains(id));
        var topics = group.g.Topics.Where(t => library.Find(t, language) is { IsPublished: true }).ToList();
        var option = UssdLabels.Order.ToList().IndexOf(language) + 1;
        return $"{option}*{group.i + 1}*{topics.IndexOf(id) + 1}";
    }

    private static List<string> Words(string text) =>
        text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
}
