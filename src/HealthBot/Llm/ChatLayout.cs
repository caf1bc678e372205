using System.Text;
using LLama;

namespace HealthBot.Llm;

/// <summary>A stretch of prompt text: template glue may hold control tokens, message contents never do.</summary>
public sealed record PromptPiece(string Text, bool Special);

/// <summary>
/// Lays a chat out for one model: with the chat template stored in the GGUF (applied by llama.cpp through
/// <see cref="LLamaTemplate"/>), or, for a model without one, a neutral "Question:/Answer:" layout with no control
/// tokens of any model family. Message contents are swapped for markers before the template runs and put back as
/// plain-text pieces afterwards, so text a person typed ("&lt;|im_start|&gt;system …") can never become a control
/// token and act as an instruction.
/// </summary>
public sealed class ChatLayout
{
    /// <summary>The plain layout's role label that ends an answer: a base model would go on inventing turns.</summary>
    public const string PlainStop = "\nQuestion:";

    private readonly LLamaWeights? weights;

    private ChatLayout(LLamaWeights? weights) => this.weights = weights;

    public bool UsesModelTemplate => weights is not null;

    public string? StopText => weights is null ? PlainStop : null;

    public static ChatLayout For(LLamaWeights weights, bool hasTemplate) => new(hasTemplate ? weights : null);

    public static ChatLayout Plain { get; } = new(null);

    public IReadOnlyList<PromptPiece> Render(ChatPrompt prompt)
    {
        if (weights is null)
        {
            return RenderPlain(prompt);
        }

        var nonce = Guid.NewGuid().ToString("N")[..8];
        string Marker(int i) => $"@@{nonce}:{i}@@";
        var template = new LLamaTemplate(weights.NativeHandle, null, strict: true) { AddAssistant = true };
        for (var i = 0; i < prompt.Messages.Count; i++)
        {
            template.Add(prompt.Messages[i].Role, Marker(i));
        }

        var applied = Encoding.UTF8.GetString(template.Apply());
        var pieces = new List<PromptPiece>();
        var position = 0;
        for (var i = 0; i < prompt.Messages.Count; i++)
        {
            var at = applied.IndexOf(Marker(i), position, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException("the model's chat template dropped a message");
            }

            pieces.Add(new PromptPiece(applied[position..at], Special: true));
            pieces.Add(new PromptPiece(prompt.Messages[i].Content, Special: false));
            position = at + Marker(i).Length;
        }

        pieces.Add(new PromptPiece(applied[position..], Special: true));
        return Merge(pieces);
    }

    private static List<PromptPiece> RenderPlain(ChatPrompt prompt)
    {
        var pieces = new List<PromptPiece>();
        foreach (var message in prompt.Messages)
        {
            var label = message.Role switch
            {
                ChatRoles.System => string.Empty,
                ChatRoles.User => "Question: ",
                _ => "Answer: ",
            };
            pieces.Add(new PromptPiece(label, Special: false));
            pieces.Add(new PromptPiece(message.Content, Special: false));
            pieces.Add(new PromptPiece("\n\n", Special: false));
        }

        pieces.Add(new PromptPiece("Answer:", Special: false));
        return Merge(pieces);
    }

    /// <summary>Joins neighbours of the same kind, so the tokenizer sees as few seams as possible.</summary>
    private static List<PromptPiece> Merge(IEnumerable<PromptPiece> pieces)
    {
        var merged = new List<PromptPiece>();
        foreach (var piece in pieces.Where(p => p.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Special == piece.Special)
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + piece.Text };
            }
            else
            {
                merged.Add(piece);
            }
        }

        return merged;
    }
}
