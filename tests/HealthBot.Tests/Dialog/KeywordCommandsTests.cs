using HealthBot.Dialog;

namespace HealthBot.Tests.Dialog;

public sealed class KeywordCommandsTests
{
    [Theory]
    [InlineData("STOP", CommandKind.Stop)]
    [InlineData(" stop! ", CommandKind.Stop)]
    [InlineData("Arrêt", CommandKind.Stop)]
    [InlineData("ARRET", CommandKind.Stop)]
    [InlineData("sitisha", CommandKind.Stop)]
    [InlineData("PARAR", CommandKind.Stop)]
    [InlineData("बंद", CommandKind.Stop)]
    [InlineData("ｓｔｏｐ", CommandKind.Stop)]
    [InlineData("ＳＴＯＰ！", CommandKind.Stop)]
    [InlineData("start", CommandKind.Start)]
    [InlineData("UNSTOP", CommandKind.Start)]
    [InlineData("help", CommandKind.Help)]
    [InlineData("Msaada", CommandKind.Help)]
    [InlineData("AJUDA", CommandKind.Help)]
    [InlineData("मदद", CommandKind.Help)]
    [InlineData("please stop the bleeding", CommandKind.None)]
    [InlineData("how do i stop diarrhoea", CommandKind.None)]
    public void Whole_message_keywords_are_recognised_and_sentences_are_not(string text, CommandKind expected)
    {
        Assert.Equal(expected, KeywordCommands.Match(TextNormalizer.Normalize(text)).Kind);
    }

    /// <summary>The message is the keyword, give or take filler words, punctuation and repetition; never a sentence.</summary>
    [Theory]
    [InlineData("STOP ALL", CommandKind.Stop)]
    [InlineData("stop please", CommandKind.Stop)]
    [InlineData("Please STOP!!", CommandKind.Stop)]
    [InlineData("stop stop", CommandKind.Stop)]
    [InlineData("STOP.", CommandKind.Stop)]
    [InlineData("Stop!!", CommandKind.Stop)]
    [InlineData("pls stop", CommandKind.Stop)]
    [InlineData("stop msgs", CommandKind.Stop)]
    [InlineData("stop sending me messages", CommandKind.Stop)]
    [InlineData("STOPPP", CommandKind.Stop)]
    [InlineData("unsubscribe", CommandKind.Stop)]
    [InlineData("stop the bleeding", CommandKind.None)]
    [InlineData("how to stop diarrhoea", CommandKind.None)]
    [InlineData("stop vomiting", CommandKind.None)]
    [InlineData("my baby will not stop crying", CommandKind.None)]
    [InlineData("stop start", CommandKind.None)]
    [InlineData("arrêt svp", CommandKind.Stop)]
    [InlineData("STOP s'il vous plaît", CommandKind.Stop)]
    [InlineData("arrêtez les messages", CommandKind.Stop)]
    [InlineData("arreter tout", CommandKind.Stop)]
    [InlineData("comment arrêter la diarrhée", CommandKind.None)]
    [InlineData("arrêter le saignement", CommandKind.None)]
    [InlineData("sitisha tafadhali", CommandKind.Stop)]
    [InlineData("stop ujumbe", CommandKind.Stop)]
    [InlineData("SITISHA SITISHA", CommandKind.Stop)]
    [InlineData("sitisha kuhara", CommandKind.None)]
    [InlineData("jinsi ya kuzuia damu kutoka", CommandKind.None)]
    [InlineData("parar por favor", CommandKind.Stop)]
    [InlineData("PARE!!!", CommandKind.Stop)]
    [InlineData("stop todas as mensagens", CommandKind.Stop)]
    [InlineData("como parar a diarreia", CommandKind.None)]
    [InlineData("parar o sangramento", CommandKind.None)]
    [InlineData("band karo", CommandKind.Stop)]
    [InlineData("sms band karo", CommandKind.Stop)]
    [InlineData("बंद करो", CommandKind.Stop)]
    [InlineData("stop kar do", CommandKind.Stop)]
    [InlineData("dast band nahi ho raha", CommandKind.None)]
    [InlineData("खून बंद नहीं हो रहा", CommandKind.None)]
    public void Stop_variants_in_five_languages_opt_out_and_questions_about_stopping_do_not(string text, CommandKind expected)
    {
        Assert.Equal(expected, KeywordCommands.Match(TextNormalizer.Normalize(text)).Kind);
    }

    [Theory]
    [InlineData("thanks", Meaning.Thanks, null)] // English and Hinglish
    [InlineData("ok thanks", Meaning.Thanks, null)]
    [InlineData("Thanksss!! 🙏", Meaning.Thanks, null)]
    [InlineData("tnx", Meaning.Thanks, "en")]
    [InlineData("thank you very much", Meaning.Thanks, "en")]
    [InlineData("no thanks", Meaning.No, "en")]
    [InlineData("OK", Meaning.Okay, null)]
    [InlineData("okkk", Meaning.Okay, null)]
    [InlineData("bye", Meaning.Goodbye, null)]
    [InlineData("good night", Meaning.Goodbye, null)]
    [InlineData("merci bcp", Meaning.Thanks, "fr")]
    [InlineData("mrc", Meaning.Thanks, "fr")]
    [InlineData("d'accord merci", Meaning.Thanks, "fr")]
    [InlineData("au revoir", Meaning.Goodbye, "fr")]
    [InlineData("asante sana", Meaning.Thanks, "sw")]
    [InlineData("sawa", Meaning.Okay, "sw")]
    [InlineData("poa poa", Meaning.Okay, "sw")]
    [InlineData("kwaheri", Meaning.Goodbye, "sw")]
    [InlineData("obrigado", Meaning.Thanks, "pt")]
    [InlineData("valeu", Meaning.Thanks, "pt")]
    [InlineData("ok valeu", Meaning.Thanks, "pt")]
    [InlineData("tchau", Meaning.Goodbye, "pt")]
    [InlineData("thik hai", Meaning.Okay, "hi")]
    [InlineData("theek hai ji", Meaning.Okay, "hi")]
    [InlineData("shukriya", Meaning.Thanks, "hi")]
    [InlineData("dhanyavaad", Meaning.Thanks, "hi")]
    [InlineData("alvida", Meaning.Goodbye, "hi")]
    [InlineData("ठीक है", Meaning.Okay, "hi")]
    public void Small_talk_is_read_with_its_meaning_and_language(string text, Meaning meaning, string? language)
    {
        var command = KeywordCommands.Match(TextNormalizer.Normalize(text));

        Assert.Equal(CommandKind.SmallTalk, command.Kind);
        Assert.Equal(meaning, command.Talk);
        Assert.Equal(language, command.Language);
    }

    [Theory]
    [InlineData("thanks but my child still has fever")]
    [InlineData("ok what about malaria")]
    [InlineData("asante, mtoto ana homa")]
    [InlineData("obrigado, e a tosse?")]
    [InlineData("no pain")]
    [InlineData("forget it")]
    [InlineData("who are you and how do i prevent malaria")]
    [InlineData("are you a doctor? my baby has fever")]
    [InlineData("wewe ni daktari? mtoto ana homa")]
    [InlineData("aap doctor ho kya, bacche ko bukhar hai")]
    [InlineData("morning sickness")]
    public void Small_talk_inside_a_question_is_not_small_talk(string text)
    {
        Assert.Equal(CommandKind.None, KeywordCommands.Match(TextNormalizer.Normalize(text)).Kind);
    }

    /// <summary>A question about who answers gets the greeting, which says what HealthBot is (issue #12).</summary>
    [Theory]
    [InlineData("who are you?", "en")]
    [InlineData("are u a real doctor??", "en")]
    [InlineData("hello, is anybody there", "en")]
    [InlineData("t es qui toi", "fr")]
    [InlineData("vous êtes un robot ?", "fr")]
    [InlineData("wewe ni nani", "sw")]
    [InlineData("wewe ni roboti?", "sw")]
    [InlineData("quem é vc?", "pt")]
    [InlineData("tem alguém aí?", "pt")]
    [InlineData("aap kon ho", "hi")]
    [InlineData("kya aap robot ho", "hi")]
    [InlineData("आप कौन हैं", "hi")]
    public void A_question_about_who_answers_is_a_greeting_in_its_language(string text, string language)
    {
        var command = KeywordCommands.Match(TextNormalizer.Normalize(text));

        Assert.Equal(CommandKind.Greeting, command.Kind);
        Assert.Equal(language, command.Language);
    }

    /// <summary>Small talk as it is texted: "gd" for good, "nite" for night, "he" for hai, vowels dropped.</summary>
    [Theory]
    [InlineData("gd mrng", CommandKind.Greeting)]
    [InlineData("gud evening!!", CommandKind.Greeting)]
    [InlineData("gd nite", CommandKind.SmallTalk)]
    [InlineData("bien noté", CommandKind.SmallTalk)]
    [InlineData("thik he ji", CommandKind.SmallTalk)]
    [InlineData("dhanywad 🙏", CommandKind.SmallTalk)]
    [InlineData("obgd!!", CommandKind.SmallTalk)]
    [InlineData("asnte sana", CommandKind.SmallTalk)]
    public void Texted_spellings_of_small_talk_are_read(string text, CommandKind expected)
    {
        Assert.Equal(expected, KeywordCommands.Match(TextNormalizer.Normalize(text)).Kind);
    }

    [Theory]
    [InlineData(null, CommandKind.Ambiguous)]
    [InlineData("en", CommandKind.Ambiguous)]
    [InlineData("sw", CommandKind.Stop)]
    [InlineData("hi", CommandKind.SmallTalk)]
    public void Acha_counts_as_stop_only_for_a_swahili_speaker(string? contactLanguage, CommandKind expected)
    {
        var command = KeywordCommands.Match(TextNormalizer.Normalize("Acha!"), contactLanguage);

        Assert.Equal(expected, command.Kind);
        if (expected == CommandKind.Ambiguous)
        {
            Assert.Contains("sw", command.Languages!);
            Assert.Contains("hi", command.Languages!);
            Assert.Equal(Meaning.Okay, command.Otherwise!.Talk);
        }
    }

    /// <summary>Found from the tables: any phrase that changes consent in one language and not in another.</summary>
    [Fact]
    public void Every_consent_word_shared_by_languages_with_another_meaning_asks_a_contact_of_unknown_language()
    {
        var consent = new[] { Meaning.Stop, Meaning.Start, Meaning.Forget };
        var ambiguous = DialogLexicon.Entries.Where(e => e.Language != DialogLexicon.Any)
            .GroupBy(e => string.Join(' ', LexiconKey(e.Phrase)))
            .Where(g => g.Select(e => e.Meaning).Distinct().Count() > 1 && g.Any(e => consent.Contains(e.Meaning)))
            .ToList();

        Assert.Contains(ambiguous, g => g.Key == "acha");
        foreach (var group in ambiguous)
        {
            Assert.Equal(CommandKind.Ambiguous, KeywordCommands.Match(TextNormalizer.Normalize(group.First().Phrase)).Kind);
            foreach (var entry in group)
            {
                var own = KeywordCommands.Match(TextNormalizer.Normalize(entry.Phrase), entry.Language);
                Assert.NotEqual(CommandKind.Ambiguous, own.Kind);
            }
        }
    }

    private static IEnumerable<string> LexiconKey(string phrase) =>
        LexiconParser.Simplify(TextNormalizer.Normalize(phrase).Tokens);

    [Theory]
    [InlineData("FRANCAIS", "fr")]
    [InlineData("Français", "fr")]
    [InlineData("kiswahili", "sw")]
    [InlineData("Português", "pt")]
    [InlineData("हिन्दी", "hi")]
    [InlineData("English", "en")]
    public void Language_names_switch_language(string text, string language)
    {
        var command = KeywordCommands.Match(TextNormalizer.Normalize(text));

        Assert.Equal(CommandKind.Language, command.Kind);
        Assert.Equal(language, command.Language);
    }
}
