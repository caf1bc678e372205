using System.ComponentModel.DataAnnotations;

namespace HealthBot.Channels.WebChat;

/// <summary>
/// Request limits of the anonymous web chat API. Bound from the <c>WebChat</c> section. The defaults are far above
/// what a person chatting does (the page polls at most once a second) and leave room for a clinic or school sharing
/// one address; past them a client gets 429 with Retry-After.
/// </summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>Requests per minute from one client address (IPv6: one /64).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinutePerClient { get; set; } = 300;

    /// <summary>Requests per minute to the web chat API from everyone together.</summary>
    [Range(1, 10_000_000)]
    public int RequestsPerMinute { get; set; } = 20_000;

    /// <summary>New chats (a request without a chat cookie) per hour from one client address.</summary>
    [Range(1, 100_000)]
    public int NewChatsPerHourPerClient { get; set; } = 60;
}
