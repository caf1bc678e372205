using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Llm;

/// <summary>
/// The last few turns of a conversation for the prompt: earlier questions as user messages and the bot's replies
/// as assistant messages. Messages not yet answered (the current question among them) are left out.
/// </summary>
public static class ConversationHistory
{
    private const int Page = 500;

    public static async Task<IReadOnlyList<ChatMessage>> RecentAsync(IMessageStore messages, long contactId, int turns, CancellationToken ct)
    {
        if (turns <= 0)
        {
            return [];
        }

        // The store pages forward from an id; keep only the tail while reading through.
        var keep = turns * 2;
        var tail = new Queue<StoredMessage>(keep + 1);
        long after = 0;
        IReadOnlyList<StoredMessage> page;
        do
        {
            page = await messages.ConversationAsync(contactId, after, Page, ct);
            foreach (var message in page.Where(m => !(m.Direction == "in" && m.Status == "received")))
            {
                tail.Enqueue(message);
                if (tail.Count > keep)
                {
                    tail.Dequeue();
                }
            }

            after = page.Count > 0 ? page[^1].Id : after;
        }
        while (page.Count == Page);

        return Alternate(tail.Select(m => new ChatMessage(m.Direction == "in" ? ChatRoles.User : ChatRoles.Assistant, m.Body)));
    }

    /// <summary>Chat templates expect user and assistant to alternate, starting with the user: merge runs, drop a leading reply.</summary>
    private static List<ChatMessage> Alternate(IEnumerable<ChatMessage> messages)
    {
        var list = new List<ChatMessage>();
        foreach (var message in messages)
        {
            if (list.Count == 0 && message.Role != ChatRoles.User)
            {
                continue;
            }

            if (list.Count > 0 && list[^1].Role == message.Role)
            {
                list[^1] = message with { Content = list[^1].Content + "\n" + message.Content };
            }
            else
            {
                list.Add(message);
            }
        }

        return list;
    }
}
