using System.Globalization;
using System.Net;
using HealthBot.Channels.AfricasTalking;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.AfricasTalking;

/// <summary>
/// The menu's navigation over HTTP (a wrong key, back, home, a lost session) and the screen budget itself: octets
/// as the network counts them, and pages that never split a letter from its vowel sign.
/// </summary>
public sealed class UssdMenuTests : IAsyncLifetime
{
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["AfricasTalking:CallbackSecret"] = AfricasTalkingWebhookTests.Secret,
            ["AfricasTalking:Ussd:ServiceCodes:0"] = "*384*21525#",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_wrong_key_says_so_and_back_returns_to_the_same_menu()
    {
        var topics = await UssdAsync("s1", "1*2");

        Assert.Equal("CON Invalid choice.\n0 Back 00 Home", await UssdAsync("s1", "1*2*9"));
        Assert.Equal(topics, await UssdAsync("s1", "1*2*9*0"));
        Assert.Equal(topics, await UssdAsync("s1", "1*2**0"));
        Assert.StartsWith("CON Choose a topic\n1 Pregnancy", await UssdAsync("s1", "1*2*1*1*00"),
            StringComparison.Ordinal);
        Assert.StartsWith("CON HealthBot\n1 English", await UssdAsync("s1", "1*0"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_session_shows_the_same_screen_and_browsing_stores_nothing()
    {
        var screen = await UssdAsync("ATUid_first", "3*2*1*1");

        // Another session id (the service restarted, another node answered): the inputs alone say where they are.
        Assert.Equal(screen, await UssdAsync("ATUid_second", "3*2*1*1"));
        Assert.Contains("Zaidi", screen, StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM messages"));
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM contacts"));
    }

    [Fact]
    public async Task A_session_on_another_service_code_is_refused_with_the_reason()
    {
        var response = await PostAsync("sessionId=s3&serviceCode=*999%23&phoneNumber=%2B254711000901&text=");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ServiceCodes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(182, 'a', true)]
    [InlineData(183, 'a', false)]
    [InlineData(91, '€', true)]
    [InlineData(92, '€', false)]
    [InlineData(80, 'क', true)]
    [InlineData(81, 'क', false)]
    public void A_screen_holds_160_octets_counted_as_the_network_encodes_it(int count, char c, bool fits) =>
        Assert.Equal(fits, UssdScreen.Fits(new string(c, count)));

    [Fact]
    public void A_long_devanagari_word_is_cut_between_letters_never_inside_one()
    {
        var word = string.Concat(Enumerable.Repeat("स्वास्थ्य", 20));
        var elements = StringInfo.ParseCombiningCharacters(word).ToHashSet();

        var pages = UssdScreen.Pages(word, (page, _) => UssdScreen.Fits(page + "\n1 आगे"));

        Assert.True(pages.Count > 2);
        Assert.Equal(word, string.Concat(pages));
        var at = 0;
        foreach (var page in pages)
        {
            Assert.Contains(at, elements);
            Assert.True(UssdScreen.Fits(page + "\n1 आगे"), page);
            at += page.Length;
        }
    }

    private async Task<string> UssdAsync(string session, string text)
    {
        var response = await PostAsync(
            $"sessionId={session}&serviceCode=*384*21525%23&phoneNumber=%2B254711000900&networkCode=63902&text=" +
            Uri.EscapeDataString(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string form) => factory.CreateClient().PostAsync(
        AfricasTalkingWebhookEndpoints.Base + "/ussd?secret=" + AfricasTalkingWebhookTests.Secret,
        new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
}
