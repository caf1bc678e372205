using System.Globalization;
using System.Text;
using HealthBot.Content;

namespace HealthBot.Llm;

/// <summary>What the answer must look like: the language and the length the channel allows.</summary>
public sealed record AnswerShape(string Language, bool Sms, int MaxChars, int MaxTokens)
{
    /// <summary>The content's regional register (Portuguese for Mozambique or Brazil), so the model keeps to it.</summary>
    public string? Register { get; init; }
}

/// <summary>A prompt that fits the context, with the items it carries (the source the answer is checked against).</summary>
public sealed record BuiltPrompt(ChatPrompt Prompt, IReadOnlyList<ContentItem> Items, int Tokens, int HistoryMessages);

/// <summary>
/// One fused prompt per answer: the instruction with the top one or two curated items in the user's language
/// (system message), the last few turns, and the question (user message). When it does not fit the context, the
/// oldest turns go first, then the second item; the curated text itself is never cut.
/// </summary>
public static class PromptBuilder
{
    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.Ordinal)
    {
        ["en"] = "English",
        ["fr"] = "French (français)",
        ["sw"] = "Swahili (Kiswahili)",
        ["pt"] = "Portuguese (português)",
        ["hi"] = "Hindi (हिन्दी), in Devanagari script",
    };

    /// <param name="available">Tokens the prompt may take: the context size less the answer's tokens.</param>
    public static BuiltPrompt? Fit(
        string template, IReadOnlyList<(ContentItem Item, string Text)> items, IReadOnlyList<ChatMessage> history, string question,
        AnswerShape shape, Func<ChatPrompt, int> countTokens, int available)
    {
        for (var itemCount = items.Count; itemCount >= 1; itemCount--)
        {
            var system = new ChatMessage(ChatRoles.System, Instruction(template, items.Take(itemCount).ToList(), shape));
            for (var skip = 0; skip <= history.Count; skip += 2)
            {
                // Turns are dropped whole (question and reply), oldest first, so the history still starts with a question.
                var kept = history.Skip(Math.Min(skip, history.Count)).ToList();
                var prompt = new ChatPrompt([system, .. kept, new ChatMessage(ChatRoles.User, question)]);
                var tokens = countTokens(prompt);
                if (tokens <= available)
                {
                    return new BuiltPrompt(prompt, items.Take(itemCount).Select(i => i.Item).ToList(), tokens, kept.Count);
                }
            }
        }

        return null;
    }

    public static string Instruction(string template, IReadOnlyList<(ContentItem Item, string Text)> items, AnswerShape shape)
    {
        var content = new StringBuilder();
        foreach (var (item, text) in items)
        {
            content.Append("### ").AppendLine(item.Title).AppendLine(text.Trim()).AppendLine();
        }

        var length = shape.Sms ? $"{shape.MaxChars.ToString(CultureInfo.InvariantCulture)} characters" : $"{(shape.MaxTokens * 2 / 3).ToString(CultureInfo.InvariantCulture)} words";
        var format = shape.Sms
            ? "Plain text for an SMS: no links, no lists, no markdown."
            : "Short paragraphs; a simple list is fine; no links.";
        var language = LanguageNames.GetValueOrDefault(shape.Language, shape.Language);
        if (LanguageRegisters.Place(shape.Language, shape.Register) is { } place)
        {
            // "Portuguese (português, as written in Mozambique)": the register reads as part of the language's name.
            language = language.EndsWith(')')
                ? $"{language[..^1]}, as written in {place})"
                : $"{language} (as written in {place})";
        }

        return template
            .Replace("{language}", language, StringComparison.Ordinal)
            .Replace("{max_length}", length, StringComparison.Ordinal)
            .Replace("{format}", format, StringComparison.Ordinal)
            .Replace("{content}", content.ToString().Trim(), StringComparison.Ordinal);
    }
}
