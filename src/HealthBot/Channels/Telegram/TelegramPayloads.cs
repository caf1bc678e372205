using System.Globalization;
using System.Text.Json;

namespace HealthBot.Channels.Telegram;

/// <summary>What an update asks of us.</summary>
public enum TelegramUpdateKind
{
    /// <summary>A message in a private chat; <see cref="TelegramUpdate.Text"/> is null for a sticker…</summary>
    Message,

    /// <summary>The person blocked the bot (my_chat_member, new status "kicked"): no message can reach them.</summary>
    Blocked,

    /// <summary>Nothing to answer: a group, a channel post, a button press, the bot unblocked…</summary>
    Ignored,
}

/// <summary>
/// One Update (https://core.telegram.org/bots/api#update): <c>{ update_id, message: { message_id, from: {
/// language_code }, chat: { id, type }, text } }</c>, or <c>edited_message</c>, <c>my_chat_member</c> and the
/// kinds we do not use. A photo (or video, document) with a caption is read as its caption; a message without text
/// (sticker, voice, location, a photo without a caption…) has a null <see cref="Text"/>, which the dialog answers
/// with "please send text" in the person's language.
/// </summary>
public sealed record TelegramUpdate(
    long UpdateId, TelegramUpdateKind Kind, long ChatId, string? Text, string? LanguageCode, string What)
{
    /// <summary>Our provider id for the message: update ids are unique per bot and kept on redelivery.</summary>
    public string ProviderId => "tg:" + UpdateId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stored as the chat's id: in a private chat the person's own, stable Telegram id.</summary>
    public string Address => ChatId.ToString(CultureInfo.InvariantCulture);

    public static (TelegramUpdate? Value, string? Error) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body.ToArray());
            return (Read(json.RootElement), null);
        }
        catch (JsonException)
        {
            return (null, "the body is not JSON");
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>One element of an Update array (getUpdates' result) or a webhook body.</summary>
    public static TelegramUpdate Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !Long(root, "update_id", out var id) || id < 0)
        {
            throw new FormatException("update_id is required (a non-negative integer)");
        }

        if (Object(root, "message") is { } message)
        {
            return FromMessage(id, message, "message");
        }

        if (Object(root, "edited_message") is { } edited)
        {
            // A corrected question is answered again: the first answer may not fit the new words.
            return FromMessage(id, edited, "edited_message");
        }

        if (Object(root, "my_chat_member") is { } member)
        {
            var chat = Chat(member, "my_chat_member");
            var status = Object(member, "new_chat_member") is { } m ? Str(m, "status") : null;
            var blocked = status == "kicked" && Str(chat.Element, "type") == "private";
            return new TelegramUpdate(id, blocked ? TelegramUpdateKind.Blocked : TelegramUpdateKind.Ignored,
                chat.Id, null, null, "my_chat_member " + (status ?? "?"));
        }

        var what = root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n != "update_id") ?? "empty";
        return new TelegramUpdate(id, TelegramUpdateKind.Ignored, 0, null, null, what);
    }

    private static TelegramUpdate FromMessage(long id, JsonElement message, string where)
    {
        var chat = Chat(message, where);
        if (!Long(message, "message_id", out _))
        {
            throw new FormatException($"{where}.message_id is required (an integer)");
        }

        // A photo or document with a question in its caption: the caption is the question.
        var text = Str(message, "text") ?? (Str(message, "caption") is { Length: > 0 } caption ? caption : null);
        var language = Object(message, "from") is { } from ? Str(from, "language_code") : null;
        var kind = Str(chat.Element, "type") == "private" ? TelegramUpdateKind.Message : TelegramUpdateKind.Ignored;
        var what = Str(message, "text") is not null ? where : where + " " + Content(message);
        return new TelegramUpdate(id, kind, chat.Id, text, language, what);
    }

    /// <summary>The kind of a message without text, for the log: sticker, photo, voice…</summary>
    private static string Content(JsonElement message) =>
        message.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n is not ("message_id" or "from" or "chat"
            or "date" or "edit_date" or "caption" or "caption_entities" or "entities" or "message_thread_id"))
        ?? "other";

    private static (long Id, JsonElement Element) Chat(JsonElement parent, string where) =>
        Object(parent, "chat") is { } chat && Long(chat, "id", out var chatId)
            ? (chatId, chat)
            : throw new FormatException($"{where}.chat.id is required (an integer)");

    internal static JsonElement? Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) &&
        v.ValueKind == JsonValueKind.Object
            ? v
            : null;

    internal static string? Str(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) &&
        v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    internal static bool Long(JsonElement parent, string name, out long value)
    {
        value = 0;
        return parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) &&
               v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out value);
    }
}
