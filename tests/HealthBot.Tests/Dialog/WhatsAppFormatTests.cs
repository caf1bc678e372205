using HealthBot.Dialog;

namespace HealthBot.Tests.Dialog;

public sealed class WhatsAppFormatTests
{
    [Theory]
    [InlineData("**Signs:** tiredness", "*Signs:* tiredness")]
    [InlineData("__Start early:__ within 1 hour", "*Start early:* within 1 hour")]
    [InlineData("a *little* pale", "a _little_ pale")]
    [InlineData("_Sample content: awaiting review._", "_Sample content: awaiting review._")]
    [InlineData("~~old advice~~ new advice", "~old advice~ new advice")]
    [InlineData("# Preventing malaria", "*Preventing malaria*")]
    [InlineData("### **What helps:**", "*What helps:*")]
    [InlineData("- Sleep under a net", "- Sleep under a net")]
    [InlineData("* Sleep under a net", "- Sleep under a net")]
    [InlineData("+ Sleep under a net", "- Sleep under a net")]
    [InlineData("  * nested **item**", "  - nested *item*")]
    [InlineData("1. Wash hands\n2. Boil water", "1. Wash hands\n2. Boil water")]
    [InlineData("See [WHO malaria](https://www.who.int/malaria).", "See WHO malaria: https://www.who.int/malaria.")]
    [InlineData("[https://who.int](https://who.int)", "https://who.int")]
    [InlineData("Open <https://who.int/x> now", "Open https://who.int/x now")]
    [InlineData("Dial `*123#` free", "Dial ```*123#``` free")]
    [InlineData("```\n**not bold** # code\n```", "```\n**not bold** # code\n```")]
    [InlineData("before\n\n---\n\nafter", "before\n\n\n\nafter")]
    [InlineData("2 * 3 * 4 = 24", "2 * 3 * 4 = 24")]
    [InlineData("Dial *130*1# for help", "Dial *130*1# for help")]
    [InlineData("Dial *123* free", "Dial *123* free")]
    [InlineData("Plain text stays plain.", "Plain text stays plain.")]
    public void Markdown_becomes_whatsapp_formatting(string markdown, string expected) =>
        Assert.Equal(expected, WhatsAppFormat.FromMarkdown(markdown));

    [Fact]
    public void Whatsapp_reply_has_no_markdown_but_web_chat_and_sms_are_as_before()
    {
        var markdown = "## Anaemia\n\n**Signs:** tiredness and pale skin.\n\n* Eat beans\n\n_Sample content._";

        var whatsapp = string.Join("\n", Compose(markdown, ChannelNames.WhatsApp));
        var web = Assert.Single(Compose(markdown, ChannelNames.WebChat));
        var sms = Assert.Single(Compose(markdown, ChannelNames.Sms));

        Assert.Equal("*Anaemia*\n\n*Signs:* tiredness and pale skin.\n\n- Eat beans\n\n_Sample content._", whatsapp);
        Assert.Equal(markdown, web);
        Assert.Equal(markdown, sms);
    }

    private static IReadOnlyList<string> Compose(string text, string channel) =>
        ReplyComposer.Compose(text, ChannelProfile.For(channel), foldAccents: true);
}
