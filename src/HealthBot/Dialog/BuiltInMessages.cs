namespace HealthBot.Dialog;

/// <summary>
/// Last-resort English texts, used only when content/&lt;lang&gt;/system.md lacks a message, so that a broken
/// content folder never leaves a person without any answer (an emergency above all).
/// </summary>
internal static class BuiltInMessages
{
    public static string Get(string name) => name switch
    {
        "urgent_referral" => "This may be an emergency. Go to {facility} now or call {emergency_number}.",
        "urgent_closing" =>
            "Thank you for letting us know. We wish you well. If things get worse, call {emergency_number}.",
        "second_opinion_safety" => "If this is happening now and is serious, go to {facility} or call {emergency_number}.",
        "opt_out" => "You will not get more messages from us. Send START to come back.",
        "opt_in" => "Welcome back. Send us your health question.",
        "help" => "Send a health question. Send STOP to stop messages.",
        "language_changed" => "OK.",
        "out_of_scope" => "Sorry, I can only answer health questions. Please ask a health worker.",
        "referral" => "Please ask a health worker or visit your nearest health facility. For medicine doses, always ask a health worker.",
        "rate_limited" => "You have sent many messages. I will answer again later. In an emergency, go to a health facility now.",
        "forgotten" => "We will delete your number and messages from HealthBot. You will get no more messages. Send START to use HealthBot again.",
        "loss" => "We are very sorry for your loss. You will not get pregnancy messages any more. Please see a health worker for a check-up, and talk to someone you trust.",
        "feedback_prompt" => "Was this helpful? Reply 1 yes, 2 no",
        "feedback_yes" => "Thank you for your feedback!",
        "feedback_no" => "Thank you. We will use this to improve our answers. You can ask again in other words, or ask a health worker.",
        "small_talk_thanks" => "You're welcome. Send a health question any time.",
        "small_talk_ok" => "OK. Send a health question any time.",
        "small_talk_bye" => "Goodbye, stay well. Send a health question any time.",
        "stop_check" => "To stop getting messages from HealthBot, send STOP. To ask a health question, just send it.",
        "text_only" => "Sorry, I can only read text messages. Please type your health question in a few words.",
        "too_long" => "Your message is too long. Please send a shorter question.",
        _ => "Sorry, I did not understand. Please send your health question in a few words.",
    };
}
