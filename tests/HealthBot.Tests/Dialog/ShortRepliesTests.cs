using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Dialog;

/// <summary>
/// Small talk, stray feedback digits and keywords that mean different things in two languages, end to end through the
/// signed SMS webhook, the dialog and the stored conversation (issue #12, and the STOP item of #11).
/// </summary>
public sealed class ShortRepliesTests(ShortRepliesTests.Host host) : IClassFixture<ShortRepliesTests.Host>
{
    public sealed class Host : IDisposable
    {
        public HealthBotFactory Factory { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Dialog:Feedback:Mode"] = "On",
            ["Dialog:Feedback:Sms"] = "SameMessage",
        });

        public void Dispose() => Factory.Dispose();
    }

    private static int next = Random.Shared.Next(1_000_000, 9_000_000);

    [Theory]
    [InlineData("obrigado", "De nada. Envie uma pergunta de saude quando quiser.")]
    [InlineData("ok valeu", "De nada. Envie uma pergunta de saude quando quiser.")]
    [InlineData("tchau!", "Tchau, cuide-se. Envie uma pergunta de saude quando quiser.")]
    [InlineData("sawa", "Sawa. Tuma swali la afya wakati wowote.")]
    [InlineData("Asante sana 🙏", "Karibu. Tuma swali la afya wakati wowote.")]
    [InlineData("kwaheri", "Kwaheri, kaa salama. Tuma swali la afya wakati wowote.")]
    [InlineData("thik hai", "ठीक है। जब चाहें, स्वास्थ्य का सवाल भेजें।")]
    [InlineData("shukriya", "आपका स्वागत है। जब चाहें, स्वास्थ्य का सवाल भेजें।")]
    [InlineData("alvida", "अलविदा, अपना ध्यान रखें। जब चाहें, स्वास्थ्य का सवाल भेजें।")]
    [InlineData("merci bcp", "Avec plaisir. Envoyez une question de santé quand vous voulez.")]
    [InlineData("d'accord merci", "Avec plaisir. Envoyez une question de santé quand vous voulez.")]
    [InlineData("au revoir", "Au revoir, prenez soin de vous. Envoyez une question de santé quand vous voulez.")]
    [InlineData("ok thanks", "You're welcome. Send a health question any time.")]
    [InlineData("tnx!!", "You're welcome. Send a health question any time.")]
    [InlineData("good night", "Goodbye, stay well. Send a health question any time.")]
    [InlineData("OK", "OK. Send a health question any time.")]
    [InlineData("thanks", "You're welcome. Send a health question any time.")]
    [InlineData("Thank you!", "You're welcome. Send a health question any time.")]
    [InlineData("thanks bhaiya", "आपका स्वागत है। जब चाहें, स्वास्थ्य का सवाल भेजें।")]
    [InlineData("asante dokta", "Karibu. Tuma swali la afya wakati wowote.")]
    [InlineData("obrigadão doutora", "De nada. Envie uma pergunta de saude quando quiser.")]
    [InlineData("c'est bon merci docteur", "Avec plaisir. Envoyez une question de santé quand vous voulez.")]
    [InlineData("god bless you doc", "You're welcome. Send a health question any time.")]
    [InlineData("asante sana kwa msaada", "Karibu. Tuma swali la afya wakati wowote.")]
    [InlineData("poa asante mama", "Karibu. Tuma swali la afya wakati wowote.")]
    [InlineData("merci pour les conseils maman", "Avec plaisir. Envoyez une question de santé quand vous voulez.")]
    [InlineData("obrigado pela ajuda tia", "De nada. Envie uma pergunta de saude quando quiser.")]
    [InlineData("jankari ke liye shukriya didi", "आपका स्वागत है। जब चाहें, स्वास्थ्य का सवाल भेजें।")]
    [InlineData("thanks for the advice sister", "You're welcome. Send a health question any time.")]
    // Thanks with more words that ask nothing, name no one and no health subject (issue #12).
    [InlineData("thanks a lot, that was really useful", "You're welcome. Send a health question any time.")]
    [InlineData("thank you so much for the quick reply doctor", "You're welcome. Send a health question any time.")]
    [InlineData("asante sana kwa msaada wenu wote", "Karibu. Tuma swali la afya wakati wowote.")]
    [InlineData("merci beaucoup, vous etes gentils", "Avec plaisir. Envoyez une question de santé quand vous voulez.")]
    [InlineData("valeu, obrigada mesmo, ajudou bastante", "De nada. Envie uma pergunta de saude quando quiser.")]
    public async Task Small_talk_gets_a_short_reply_in_the_persons_language_never_an_article_or_an_opt_out(string text, string expected)
    {
        var from = NewNumber();

        var reply = Assert.Single(await ExchangeAsync(from, text));

        Assert.Equal(expected, reply.Body);
        Assert.Equal("small_talk", reply.Kind);
        Assert.Null(reply.ContentId);
        Assert.NotEqual(Consent.OptedOut, await ConsentAsync(from));
    }

    /// <summary>"Who are you?" is about the service: the greeting says what HealthBot is, in the person's language.</summary>
    [Theory]
    [InlineData("are you a real person or a bot?", "I am HealthBot")]
    [InlineData("vous êtes qui ?", "Je suis HealthBot")]
    [InlineData("wewe ni nani?", "Mimi ni HealthBot")]
    [InlineData("quem ta falando?", "Sou o HealthBot")]
    [InlineData("aap kaun ho?", "मैं HealthBot हूं")]
    public async Task Who_are_you_gets_the_greeting_never_an_article(string text, string expected)
    {
        var reply = Assert.Single(await ExchangeAsync(NewNumber(), text));

        Assert.Equal("greeting", reply.Kind);
        Assert.Contains(expected, reply.Body, StringComparison.Ordinal);
        Assert.Null(reply.ContentId);
    }

    [Theory]
    [InlineData("thanks, and what about ORS for a baby?", "diarrhoea-ors")]
    [InlineData("thanks a lot, how do we give ORS to a baby", "diarrhoea-ors")]
    [InlineData("asante sana, mtoto anaharisha nimpe nini", "diarrhoea-ors")]
    [InlineData("merci beaucoup, comment utiliser la moustiquaire", "malaria-prevention")]
    public async Task A_question_with_a_thanks_in_it_is_still_answered(string text, string topic)
    {
        var replies = await ExchangeAsync(NewNumber(), text);

        Assert.Contains(replies, r => r.ContentId == topic);
        Assert.DoesNotContain(replies, r => r.Kind == "small_talk");
    }

    [Fact]
    public async Task Acha_from_a_contact_of_unknown_language_asks_once_in_swahili_and_hindi_and_stop_then_opts_out()
    {
        var from = NewNumber();

        var asked = Assert.Single(await ExchangeAsync(from, "acha"));

        Assert.Equal("stop_check", asked.Kind);
        Assert.Contains("Kuacha kupokea ujumbe wa HealthBot, tuma STOP.", asked.Body, StringComparison.Ordinal);
        Assert.Contains("HealthBot के संदेश बंद करने के लिए STOP भेजें।", asked.Body, StringComparison.Ordinal);
        Assert.NotEqual(Consent.OptedOut, await ConsentAsync(from));

        // Asked once: the next "acha" is read without its consent meaning, as the Hindi OK.
        var again = Assert.Single(await ExchangeAsync(from, "acha!!"));
        Assert.Equal("small_talk", again.Kind);
        Assert.Equal("ठीक है। जब चाहें, स्वास्थ्य का सवाल भेजें।", again.Body);
        Assert.NotEqual(Consent.OptedOut, await ConsentAsync(from));

        Assert.Equal("opt_out", Assert.Single(await ExchangeAsync(from, "STOP")).Kind);
        Assert.Equal(Consent.OptedOut, await ConsentAsync(from));
    }

    [Fact]
    public async Task Acha_from_a_hindi_speaker_is_ok_and_from_a_swahili_speaker_is_stop()
    {
        var hindi = NewNumber();
        await ExchangeAsync(hindi, "hindi");
        var ok = Assert.Single(await ExchangeAsync(hindi, "acha"));
        Assert.Equal("small_talk", ok.Kind);
        Assert.Equal("ठीक है। जब चाहें, स्वास्थ्य का सवाल भेजें।", ok.Body);
        Assert.NotEqual(Consent.OptedOut, await ConsentAsync(hindi));

        var swahili = NewNumber();
        await ExchangeAsync(swahili, "kiswahili");
        var stopped = Assert.Single(await ExchangeAsync(swahili, "Acha!"));
        Assert.Equal("opt_out", stopped.Kind);
        Assert.StartsWith("Hutapokea tena ujumbe", stopped.Body, StringComparison.Ordinal);
        Assert.Equal(Consent.OptedOut, await ConsentAsync(swahili));
    }

    [Theory]
    [InlineData("stop please")]
    [InlineData("STOP ALL")]
    [InlineData("pls stop!!")]
    [InlineData("sitisha tafadhali")]
    [InlineData("parar por favor")]
    [InlineData("band karo")]
    public async Task Stop_with_filler_words_opts_out(string text)
    {
        var from = NewNumber();

        Assert.Equal("opt_out", Assert.Single(await ExchangeAsync(from, text)).Kind);
        Assert.Equal(Consent.OptedOut, await ConsentAsync(from));
    }

    /// <summary>A first message that is a keyword of one language is answered in that language, not the default.</summary>
    [Theory]
    [InlineData("msaada", "help", "Niulize swali la afya kwa maneno yako.")]
    [InlineData("ajuda", "help", "Envie a sua pergunta de saude com as suas palavras.")]
    [InlineData("sitisha tafadhali", "opt_out", "Hutapokea tena ujumbe kutoka HealthBot.")]
    [InlineData("ARRET svp", "opt_out", "Vous ne recevrez plus de messages de HealthBot.")]
    [InlineData("band karo", "opt_out", "अब आपको HealthBot से कोई")]
    public async Task A_keyword_is_confirmed_in_its_own_language(string text, string kind, string expected)
    {
        var reply = Assert.Single(await ExchangeAsync(NewNumber(), text));

        Assert.Equal(kind, reply.Kind);
        Assert.Contains(expected, reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_to_stop_diarrhoea_is_a_question_not_an_opt_out()
    {
        var from = NewNumber();

        var replies = await ExchangeAsync(from, "how to stop diarrhoea");

        Assert.Equal("diarrhoea-ors", replies[0].ContentId);
        Assert.NotEqual(Consent.OptedOut, await ConsentAsync(from));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task A_digit_when_no_feedback_question_was_asked_gets_help(string digit)
    {
        var from = NewNumber();
        await ExchangeAsync(from, "thanks");

        var reply = Assert.Single(await ExchangeAsync(from, digit));

        Assert.Equal("help", reply.Kind);
        Assert.StartsWith("Ask me a health question in your own words.", reply.Body, StringComparison.Ordinal);
        Assert.Equal(0, await host.Factory.CountAsync("SELECT COUNT(*) FROM answer_feedback WHERE helpful IS NOT NULL"));
    }

    [Fact]
    public async Task Yes_after_the_feedback_question_is_still_feedback_and_thanks_after_it_is_small_talk()
    {
        var from = NewNumber();
        var answer = (await ExchangeAsync(from, "how can i prevent malaria"))[^1];
        Assert.EndsWith("Was this helpful? Reply 1 yes, 2 no", answer.Body, StringComparison.Ordinal);

        Assert.Equal("feedback", Assert.Single(await ExchangeAsync(from, "yes")).Kind);
        Assert.Equal("small_talk", Assert.Single(await ExchangeAsync(from, "thanks")).Kind);
    }

    [Fact]
    public async Task Thanks_while_a_responder_has_the_conversation_gets_no_bot_reply()
    {
        var from = NewNumber();
        await ExchangeAsync(from, "hello");
        var contact = (await host.Factory.Service<IContactStore>().FindAsync("sms", from))!;
        await host.Factory.Service<InboxService>().TakeOverAsync("nurse@ngo.example", contact.Id);

        await host.Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, "asante sana"));
        var conversation = await Eventually.WaitAsync(
            () => host.Factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 200),
            c => c.Count(m => m.Direction == "in" && m.Status == "processed") == 2, "the thanks to be handled");

        Assert.Equal("in", conversation[^1].Direction);
    }

    private static string NewNumber() => $"+25471{Interlocked.Increment(ref next):D7}";

    /// <summary>Sends an SMS and returns the bot's replies to it.</summary>
    private async Task<IReadOnlyList<Outbound>> ExchangeAsync(string from, string text)
    {
        var factory = host.Factory;
        await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, text));
        var contact = await Eventually.WaitAsync(
            () => factory.Service<IContactStore>().FindAsync("sms", from), c => c is not null, "the contact");
        var conversation = await Eventually.WaitAsync(
            () => factory.Service<IMessageStore>().ConversationAsync(contact!.Id, 0, 200),
            c => c.LastOrDefault(m => m.Direction == "in") is { } last && c.Any(m => m.Direction == "out" && m.Id > last.Id),
            "the reply");
        var lastIn = conversation.Last(m => m.Direction == "in").Id;
        return conversation.Where(m => m.Direction == "out" && m.Id > lastIn)
            .Select(m => new Outbound(m.Kind, m.Body, m.ContentId)).ToList();
    }

    private async Task<string> ConsentAsync(string from) =>
        (await host.Factory.Service<IContactStore>().FindAsync("sms", from))!.Consent;

    private sealed record Outbound(string? Kind, string Body, string? ContentId);
}
