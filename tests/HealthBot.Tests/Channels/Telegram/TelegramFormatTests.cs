using System.Globalization;
using HealthBot.Channels.Telegram;
using HealthBot.Content;
using HealthBot.Dialog;
using HealthBot.Outbox;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Telegram;

/// <summary>
/// What a person sees on Telegram: the content's Markdown as HTML that Telegram accepts (checked by the local peer's
/// reading of the documented HTML rules), special characters shown as typed, and Telegram's answers to a send.
/// </summary>
public sealed class TelegramFormatTests
{
    [Theory]
    [InlineData("Mix 6 teaspoons sugar & ½ teaspoon salt", "Mix 6 teaspoons sugar &amp; ½ teaspoon salt")]
    [InlineData("if fever > 38 °C or age < 2 months", "if fever &gt; 38 °C or age &lt; 2 months")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("already &amp; escaped?", "already &amp;amp; escaped?")]
    [InlineData("**Go to a clinic NOW if:**", "<b>Go to a clinic NOW if:</b>")]
    [InlineData("**Tom & Jerry <3**", "<b>Tom &amp; Jerry &lt;3</b>")]
    [InlineData("_Sample content: awaiting review._", "<i>Sample content: awaiting review.</i>")]
    [InlineData("dial *130*1# for credit", "dial *130*1# for credit")]
    [InlineData("file_name_here stays", "file_name_here stays")]
    [InlineData("- sleep under a net", "• sleep under a net")]
    [InlineData("## Danger signs", "<b>Danger signs</b>")]
    [InlineData("call `112` now", "call <code>112</code> now")]
    [InlineData("[WHO](https://www.who.int/?a=1&b=\"2\")",
        "<a href=\"https://www.who.int/?a=1&amp;b=&quot;2&quot;\">WHO</a>")]
    [InlineData("[click](javascript:alert(1))", "javascript:alert(1)")]
    [InlineData("**a _b** c_", "**a _b** c_")]
    [InlineData("**a < _b** c_ & d", "**a &lt; _b** c_ &amp; d")]
    public void Markdown_becomes_html_telegram_accepts_and_shows_as_written(string markdown, string html)
    {
        var converted = TelegramHtml.FromMarkdown(markdown);

        Assert.Equal(html, converted);
        var (visible, error) = LocalTelegramPeer.ParseHtml(converted);
        Assert.Null(error);
        if (!markdown.Any(c => c is '*' or '_' or '#' or '`' or '[' or '-'))
        {
            Assert.Equal(markdown, visible); // no markup: the person reads exactly what was written
        }
    }

    [Theory]
    [InlineData("**Common signs:** fever & chills", "Common signs: fever & chills")]
    [InlineData("## Danger signs\n- fever > 38 °C\n- age < 2", "Danger signs\n• fever > 38 °C\n• age < 2")]
    [InlineData("_Sample content: awaiting review._", "Sample content: awaiting review.")]
    [InlineData("see [WHO](https://www.who.int/?a=1&b=2) or `112`", "see WHO (https://www.who.int/?a=1&b=2) or 112")]
    [InlineData("**Tom & Jerry <3** &amp; \"quotes\"", "Tom & Jerry <3 &amp; \"quotes\"")]
    [InlineData("dial *130*1# for credit", "dial *130*1# for credit")]
    public void The_text_sent_when_telegram_refuses_our_html_has_the_words_without_markdown(
        string markdown, string plain)
    {
        Assert.Equal(plain, TelegramHtml.ToPlain(markdown));
    }

    [Fact]
    public void Every_answer_in_every_language_is_html_telegram_accepts_with_the_same_words()
    {
        var library = ContentLoader.Load(HealthBotFactory.ContentDirectory, DateTimeOffset.UtcNow);
        var checkedItems = 0;
        foreach (var item in library.Items)
        {
            var (visible, error) = LocalTelegramPeer.ParseHtml(TelegramHtml.FromMarkdown(item.Web));

            Assert.True(error is null, $"{item.Id} ({item.Language}): {error}");
            // The words survive: every word of the source that is not markup is in what the person sees.
            foreach (var word in item.Web.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
                         .Where(w => w.All(char.IsLetter)))
            {
                Assert.Contains(word, visible!, StringComparison.Ordinal);
            }

            checkedItems++;
        }

        Assert.True(checkedItems >= 100, $"only {checkedItems} items checked");
    }

    [Fact]
    public void Each_language_on_the_keyboard_switches_to_that_language_through_the_dialogs_own_words()
    {
        Assert.Equal(DialogOptions.Languages.Order(), TelegramCommands.LanguageNames.Keys.Order());
        foreach (var (code, name) in TelegramCommands.LanguageNames)
        {
            var command = KeywordCommands.Match(TextNormalizer.Normalize(name));
            Assert.Equal((CommandKind.Language, code), (command.Kind, command.Language));
            Assert.Equal(name, TelegramCommands.ToDialog("/language " + code));
        }
    }

    public static TheoryData<string, int, string, string, string> SendAnswers()
    {
        var data = new TheoryData<string, int, string, string, string>();
        var file = HealthBotFactory.RepositoryPath("src/HealthBot/Channels/Telegram/testdata/send-answers.tsv");
        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var f = line.Split('\t');
            data.Add(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], f[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SendAnswers))]
    public void Telegrams_answer_to_a_send_is_retried_or_failed_with_its_reason(
        string name, int status, string expected, string code, string body)
    {
        var result = TelegramSender.Map(1111111, TelegramAnswer.Read(status, body));

        switch (expected.StartsWith("retry", StringComparison.Ordinal) ? "retry" : expected)
        {
            case "sent":
                Assert.Equal("tg:1111111:4321", Assert.IsType<SendResult.Sent>(result).ProviderId);
                break;
            case "retry":
                var retry = Assert.IsType<SendResult.Retry>(result);
                var after = expected.Contains(':') ? TimeSpan.FromSeconds(int.Parse(expected.Split(':')[1],
                    CultureInfo.InvariantCulture)) : (TimeSpan?)null;
                Assert.True(after == retry.After, $"{name}: {retry}");
                Assert.Equal(status != 429, retry.InDoubt);
                break;
            default:
                var fail = Assert.IsType<SendResult.Fail>(result);
                Assert.Equal(code, fail.ErrorCode);
                Assert.Equal(expected == "opted-out", fail.RecipientOptedOut);
                break;
        }
    }
}
