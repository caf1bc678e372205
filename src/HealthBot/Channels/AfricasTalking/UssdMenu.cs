using HealthBot.Content;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// What one USSD request answers: the screen, whether it ends the session, what to do once, and the language the
/// person chose (null before they chose one).
/// </summary>
public sealed record UssdStep(string Text, bool End, UssdAction? Action = null, string? Language = null);

/// <summary>Send the topic by SMS, or raise the urgent referral's staff alert.</summary>
public sealed record UssdAction(UssdActionKind Kind, string Language, string? TopicId);

public enum UssdActionKind
{
    SendSms,
    Help,
}

public enum UssdKind
{
    Languages,
    Groups,
    Topics,
    Answer,
    Help,
    Sent,
    Invalid,
}

/// <summary>A place in the menu; <see cref="Page"/> counts screens of a long menu or answer.</summary>
public sealed record UssdNode(
    UssdKind Kind, string? Language = null, int Group = -1, string? Topic = null, int Page = 0);

/// <summary>
/// The USSD health menu. Its state is never stored: Africa's Talking sends every input of the session joined with
/// <c>*</c>, and the menu is replayed from the first one, so a lost session, a restarted service or a request
/// answered by another node shows the same screen. "0" goes back a screen, "00" home (the topic groups), "98" shows
/// more of a long menu; an answer pages with "1", and its last page offers "2" send by SMS and "3" help now.
/// </summary>
public sealed class UssdMenu(ContentLibrary library, Func<string, string> referral, int octets)
{
    public const string Back = "0";
    public const string Home = "00";
    public const string MoreOptions = "98";

    public UssdStep Answer(IReadOnlyList<string> inputs)
    {
        var stack = new Stack<UssdNode>([new UssdNode(UssdKind.Languages)]);
        var entered = false;
        foreach (var input in inputs.Select(i => i.Trim()))
        {
            var top = stack.Peek();
            entered = false;
            if (top.Kind is UssdKind.Help or UssdKind.Sent && Ended(top))
            {
                break;
            }

            if (input == Home)
            {
                stack = new Stack<UssdNode>([top.Language is null ? new(UssdKind.Languages) : Groups(top.Language)]);
            }
            else if (input == Back)
            {
                _ = stack.Count > 1 ? stack.Pop() : null;
            }
            else
            {
                stack.Push(Choose(top, input) ?? new UssdNode(UssdKind.Invalid, top.Language));
                entered = true;
            }
        }

        return Render(stack.Peek(), entered);
    }

    /// <summary>
    /// A session longer than the menu replays: ended with a short message in the language chosen in its first
    /// inputs (English before one is chosen).
    /// </summary>
    public UssdStep TooLong(IReadOnlyList<string> firstInputs) =>
        new(UssdLabels.For(Answer(firstInputs).Language ?? "en").TooLong, End: true);

    private static UssdNode Groups(string language) => new(UssdKind.Groups, language);

    private UssdNode? Choose(UssdNode node, string input)
    {
        var pages = Pages(node);
        if (input == MoreOptions && node.Kind is UssdKind.Languages or UssdKind.Groups or UssdKind.Topics)
        {
            return node.Page + 1 < pages.Count ? node with { Page = node.Page + 1 } : null;
        }

        var lastPage = node.Page + 1 >= pages.Count;
        var choice = int.TryParse(input, out var n) && input.All(char.IsAsciiDigit) ? n : 0;
        return node.Kind switch
        {
            UssdKind.Languages when choice >= 1 && choice <= Languages.Count => Groups(Languages[choice - 1]),
            UssdKind.Groups when choice >= 1 && choice <= GroupsOf(node.Language!).Count =>
                new UssdNode(UssdKind.Topics, node.Language, choice - 1),
            UssdKind.Groups when choice == GroupsOf(node.Language!).Count + 1 =>
                new UssdNode(UssdKind.Help, node.Language),
            UssdKind.Topics when choice >= 1 && choice <= TopicsOf(node).Count =>
                new UssdNode(UssdKind.Answer, node.Language, node.Group, TopicsOf(node)[choice - 1].Id),
            UssdKind.Answer or UssdKind.Help when choice == 1 && !lastPage => node with { Page = node.Page + 1 },
            UssdKind.Answer when choice == 2 && lastPage => node with { Kind = UssdKind.Sent, Page = 0 },
            UssdKind.Answer when choice == 3 && lastPage => node with { Kind = UssdKind.Help, Page = 0 },
            _ => null,
        };
    }

    private bool Ended(UssdNode node) => node.Kind == UssdKind.Sent || node.Page + 1 >= Pages(node).Count;

    private UssdStep Render(UssdNode node, bool entered)
    {
        var pages = Pages(node);
        var page = Math.Min(node.Page, pages.Count - 1);
        var action = !entered || node.Page != 0 ? null
            : node.Kind == UssdKind.Sent ? new UssdAction(UssdActionKind.SendSms, node.Language!, node.Topic)
            : node.Kind == UssdKind.Help ? new UssdAction(UssdActionKind.Help, node.Language!, node.Topic)
            : null;
        var end = node.Kind == UssdKind.Sent || (node.Kind == UssdKind.Help && page + 1 == pages.Count);
        return new UssdStep(pages[page], end, action, node.Language);
    }

    /// <summary>Every screen of a node, already laid out: pure, so replaying gives the same screens.</summary>
    private IReadOnlyList<string> Pages(UssdNode node)
    {
        var labels = UssdLabels.For(node.Language ?? "en");
        var nav = $"{Back} {labels.Back} {Home} {labels.Home}";
        return node.Kind switch
        {
            UssdKind.Languages => UssdLayout.Menu("HealthBot", Languages.Select(l => UssdLabels.For(l).Name).ToList(),
                null, labels, octets),
            UssdKind.Groups => UssdLayout.Menu(labels.ChooseTopic,
                [.. GroupsOf(node.Language!).Select(g => g.Name(node.Language!)), labels.HelpNow],
                $"{Back} {labels.Back}", labels, octets),
            UssdKind.Topics => TopicsOf(node) is { Count: > 0 } topics
                ? UssdLayout.Menu(GroupsOf(node.Language!)[node.Group].Name(node.Language!),
                    topics.Select(t => UssdLayout.Prepare(t.Title, node.Language)).ToList(), nav, labels, octets)
                : [labels.Empty + "\n" + nav],
            UssdKind.Answer => UssdLayout.Answer(Topic(node)?.Sms ?? labels.Empty, node.Language!, labels, octets),
            UssdKind.Help => UssdLayout.Referral(referral(node.Language!), node.Language!, labels, octets),
            UssdKind.Sent => [labels.Sent],
            _ => [labels.Invalid + "\n" + nav],
        };
    }

    private IReadOnlyList<string> Languages =>
        UssdLabels.Order.Where(l => library.Published(l).Any()).ToList() is { Count: > 0 } some ? some : ["en"];

    /// <summary>The standard groups that have topics in the language, then "Other topics" for the rest.</summary>
    private IReadOnlyList<UssdGroup> GroupsOf(string language)
    {
        var published = library.Published(language).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var groups = UssdGroup.Standard.Where(g => g.Topics.Any(published.Contains)).ToList();
        var others = published.Except(UssdGroup.Standard.SelectMany(g => g.Topics)).Order(StringComparer.Ordinal)
            .ToList();
        return others.Count > 0 ? [.. groups, UssdGroup.Other(others)] : groups;
    }

    private IReadOnlyList<ContentItem> TopicsOf(UssdNode node) =>
        GroupsOf(node.Language!).ElementAtOrDefault(node.Group) is { } group
            ? group.Topics.Select(id => library.Find(id, node.Language!)).OfType<ContentItem>()
                .Where(i => i.IsPublished).ToList()
            : [];

    private ContentItem? Topic(UssdNode node) =>
        node.Topic is not null && library.Find(node.Topic, node.Language!) is { IsPublished: true } item
            ? item
            : null;
}
