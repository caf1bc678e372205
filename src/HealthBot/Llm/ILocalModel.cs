using HealthBot.Operability;

namespace HealthBot.Llm;

/// <summary>
/// A loaded language model: counts and runs chat prompts. Implementations never see anything but the prompt, and
/// callers never trust what they return: <see cref="ModelAnswerPhraser"/> checks every answer.
/// </summary>
public interface ILocalModel : IModelStatus
{
    bool IsReady { get; }

    /// <summary>Tokens the prompt takes, exactly as it will be fed to the model (chat template included).</summary>
    int CountTokens(ChatPrompt prompt);

    /// <summary>The prompt as the model sees it, for benchmarks and diagnostics (never logged: it holds a question).</summary>
    string Render(ChatPrompt prompt);

    Task<Generation> GenerateAsync(ChatPrompt prompt, int maxTokens, CancellationToken ct);
}

public static class ChatRoles
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";
}

/// <summary>One message of a chat prompt. Every content is tokenized as plain text, never as control tokens.</summary>
public sealed record ChatMessage(string Role, string Content);

public sealed record ChatPrompt(IReadOnlyList<ChatMessage> Messages);

/// <summary>
/// What the model produced. <paramref name="Finished"/> is false when it stopped at the token limit, so the text
/// may end mid-sentence.
/// </summary>
public sealed record Generation(string Text, int PromptTokens, int GeneratedTokens, TimeSpan TimeToFirstToken, TimeSpan Elapsed, bool Finished);

/// <summary>Where the model is: off, not-loaded, loading, ready or failed (shown by <c>/readyz</c>).</summary>
public static class ModelStates
{
    public const string Off = "off";
    public const string NotLoaded = "not-loaded";
    public const string Loading = "loading";
    public const string Ready = "ready";
    public const string Failed = "failed";
}

/// <summary>The model could not be loaded; the message says why in words an operator can act on.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
