using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Admin.Inbox;

/// <summary>
/// How a message looks in a conversation: the person's messages on one side, replies on the other, and among
/// replies the bot's answers, urgent referrals and human replies each in their own style and words.
/// </summary>
public static class MessageLook
{
    public const string Person = "person";
    public const string Bot = "bot";
    public const string Urgent = "urgent";
    public const string Staff = "staff";

    public static string From(StoredMessage m) => m.Direction == "in" ? Person
        : m.Kind == ReplyKind.Human ? Staff
        : m.Kind == ReplyKind.Urgent ? Urgent
        : Bot;

    /// <summary>The words shown with the message, in English (the page translates them).</summary>
    public static string Label(string from) => from switch
    {
        Person => "person",
        Staff => "reply from staff",
        Urgent => "urgent referral (bot)",
        _ => "bot answer",
    };
}
