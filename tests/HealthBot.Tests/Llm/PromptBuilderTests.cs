using HealthBot.Llm;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Llm;

/// <summary>Fitting the prompt to the context (a word count stands in for the tokenizer): history goes first, content never.</summary>
public sealed class PromptBuilderTests
{
    private const string Template = "Answer in {language}, at most {max_length}. {format}\n\nCONTENT:\n{content}";
    private static readonly AnswerShape Shape = new("en", Sms: true, 459, 64);

    private static int Words(ChatPrompt prompt) => prompt.Messages.Sum(m => m.Content.Split(' ').Length);

    private static (HealthBot.Content.ContentItem, string) Item(string id)
    {
        var item = RepositoryContent.Catalog.Current.Find(id, "en")!;
        return (item, item.Sms);
    }

    private static List<ChatMessage> History(int turns) => Enumerable.Range(0, turns).SelectMany(i => new[]
    {
        new ChatMessage(ChatRoles.User, $"earlier question number {i} with a few more words"),
        new ChatMessage(ChatRoles.Assistant, $"earlier answer number {i} with a few more words too"),
    }).ToList();

    [Fact]
    public void Everything_is_kept_when_it_fits()
    {
        var built = PromptBuilder.Fit(Template, [Item("diarrhoea-ors"), Item("child-nutrition")], History(2), "how to mix ors", Shape, Words, 10_000)!;

        Assert.Equal(4, built.HistoryMessages);
        Assert.Equal(2, built.Items.Count);
        Assert.Equal(ChatRoles.System, built.Prompt.Messages[0].Role);
        Assert.Equal(new ChatMessage(ChatRoles.User, "how to mix ors"), built.Prompt.Messages[^1]);
        Assert.Contains("English", built.Prompt.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("459 characters", built.Prompt.Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_oldest_turns_go_first_and_the_newest_stay()
    {
        var full = Words(PromptBuilder.Fit(Template, [Item("diarrhoea-ors")], History(3), "how to mix ors", Shape, Words, 10_000)!.Prompt);

        var built = PromptBuilder.Fit(Template, [Item("diarrhoea-ors")], History(3), "how to mix ors", Shape, Words, full - 1)!;

        Assert.Equal(4, built.HistoryMessages);
        Assert.StartsWith("earlier question number 1", built.Prompt.Messages[1].Content, StringComparison.Ordinal);
        Assert.Contains(Item("diarrhoea-ors").Item2, built.Prompt.Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_second_item_goes_only_after_all_history_and_the_first_item_is_never_cut()
    {
        var twoItems = Words(PromptBuilder.Fit(Template, [Item("diarrhoea-ors"), Item("child-nutrition")], [], "q", Shape, Words, 10_000)!.Prompt);

        var built = PromptBuilder.Fit(Template, [Item("diarrhoea-ors"), Item("child-nutrition")], History(3), "q", Shape, Words, twoItems - 1)!;

        Assert.Single(built.Items);
        Assert.Contains(Item("diarrhoea-ors").Item2, built.Prompt.Messages[0].Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Item("child-nutrition").Item2, built.Prompt.Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_content_alone_does_not_fit_there_is_no_prompt()
    {
        Assert.Null(PromptBuilder.Fit(Template, [Item("diarrhoea-ors")], History(2), "q", Shape, Words, 20));
    }
}
