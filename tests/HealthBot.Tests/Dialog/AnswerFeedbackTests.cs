using System.Net;
using HealthBot.Admin;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Sms;
using HealthBot.Tests.Admin;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Dialog;

/// <summary>"Was this helpful? Reply 1 yes, 2 no" end to end: the SMS webhook, the dialog, the store and the inbox.</summary>
public sealed class AnswerFeedbackTests : IAsyncLifetime
{
    private const string Prompt = "Was this helpful? Reply 1 yes, 2 no";
    private HealthBotFactory factory = On();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task An_sms_answer_ends_with_the_prompt_without_an_extra_segment()
    {
        var answer = await AnswerAsync("+254755000001", "how can i prevent malaria");

        var item = RepositoryContent.Catalog.Current.Find("malaria-prevention", "en")!;
        var curated = SmartEncoding.FoldToGsm(item.Sms.Trim());
        Assert.Equal(curated + "\n" + Prompt, answer.Body);
        Assert.Equal(SmsSegments.Analyze(curated).Segments, SmsSegments.Analyze(answer.Body).Segments);
        Assert.Equal(1, await factory.CountAsync($"SELECT COUNT(*) FROM answer_feedback WHERE message_id = {answer.Id} AND content_id = 'malaria-prevention' AND content_version = {item.Version} AND helpful IS NULL"));
    }

    [Fact]
    public async Task Without_the_option_the_answer_is_the_content_alone()
    {
        await factory.DisposeAsync();
        factory = new HealthBotFactory();

        var answer = await AnswerAsync("+254755000002", "how can i prevent malaria");

        Assert.DoesNotContain(Prompt, answer.Body, StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM answer_feedback"));
    }

    [Fact]
    public async Task Two_after_an_answer_records_negative_feedback_and_flags_the_conversation_in_english_and_french()
    {
        var answer = await AnswerAsync("+254755000003", "how can i prevent malaria");

        var thanks = await SendAsync("+254755000003", "2");

        Assert.Equal("feedback", thanks.Kind);
        Assert.StartsWith("Thank you. We will use this", thanks.Body, StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync(
            $"SELECT COUNT(*) FROM answer_feedback WHERE message_id = {answer.Id} AND helpful = 0 AND content_id = 'malaria-prevention' AND reply_id = {thanks.ReplyTo}"));
        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var inbox = WebUtility.HtmlDecode(await responder.GetStringAsync("/admin/inbox"));
        Assert.Contains($"#{answer.ContactId}</a> · Negative feedback: the answer did not help", inbox, StringComparison.Ordinal);
        responder.DefaultRequestHeaders.Add("Accept-Language", "fr");
        Assert.Contains("Avis négatif : la réponse n'a pas aidé", WebUtility.HtmlDecode(await responder.GetStringAsync("/admin/inbox")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_while_a_responder_has_the_conversation_is_recorded_without_a_bot_reply()
    {
        var answer = await AnswerAsync("+254755000006", "how can i prevent malaria");
        await factory.Service<InboxService>().TakeOverAsync("nurse@ngo.example", answer.ContactId);

        var last = await SendAsync("+254755000006", "no");

        Assert.Equal(answer.Id, last.Id);
        Assert.Equal(1, await factory.CountAsync($"SELECT COUNT(*) FROM answer_feedback WHERE message_id = {answer.Id} AND helpful = 0"));
    }

    [Fact]
    public async Task One_after_the_window_is_an_ordinary_message()
    {
        await factory.DisposeAsync();
        factory = On(window: "00:00:01");
        await AnswerAsync("+254755000004", "how can i prevent malaria");
        await Task.Delay(1500);

        var reply = await SendAsync("+254755000004", "1");

        Assert.NotEqual("feedback", reply.Kind);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM answer_feedback WHERE helpful IS NOT NULL"));
    }

    [Fact]
    public async Task An_answer_on_a_weak_match_is_flagged_in_the_inbox()
    {
        await factory.DisposeAsync();
        // Every answer is then a clear winner below MinConfidence: the path a weak match takes.
        factory = new HealthBotFactory(settings: new Dictionary<string, string?> { ["Dialog:MinConfidence"] = "0.99" });
        var answer = await AnswerAsync("+254755000007", "how can i prevent malaria");

        var responder = await factory.SignedInAsync(StaffRoles.Responder);
        var inbox = WebUtility.HtmlDecode(await responder.GetStringAsync("/admin/inbox"));

        Assert.Contains($"#{answer.ContactId}</a> · Low confidence: weak match with the content", inbox, StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync($"SELECT COUNT(*) FROM messages WHERE id = {answer.Id} AND flag_reason = 'low_confidence'"));
    }

    [Fact]
    public async Task An_emergency_never_gets_the_prompt()
    {
        await SendAsync("+254755000005", "i am pregnant and bleeding a lot");

        var replies = await RepliesAsync("+254755000005");
        Assert.Contains(replies, r => r.Kind == "urgent");
        Assert.All(replies, r => Assert.DoesNotContain(Prompt, r.Body, StringComparison.Ordinal));
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM answer_feedback"));
    }

    private static HealthBotFactory On(string window = "01:00:00") => new(settings: new Dictionary<string, string?>
    {
        ["Dialog:Feedback:Mode"] = "On",
        ["Dialog:Feedback:Sms"] = "SameMessage",
        ["Dialog:Feedback:ReplyWindow"] = window,
    });

    private async Task<OutboundView> AnswerAsync(string from, string text)
    {
        var reply = await SendAsync(from, text);
        Assert.Equal("answer", reply.Kind);
        return reply;
    }

    /// <summary>Sends an SMS and returns the bot's last reply to it.</summary>
    private async Task<OutboundView> SendAsync(string from, string text)
    {
        await factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(from, text));
        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND status = 'received'"), n => n == 0, "the message to be answered");
        return (await RepliesAsync(from))[^1];
    }

    private async Task<IReadOnlyList<OutboundView>> RepliesAsync(string from)
    {
        var contact = await factory.Service<IContactStore>().FindAsync("sms", from);
        var conversation = await factory.Service<IMessageStore>().ConversationAsync(contact!.Id, 0, 100);
        var lastIn = conversation.Last(m => m.Direction == "in").Id;
        return conversation.Where(m => m.Direction == "out")
            .Select(m => new OutboundView(m.Id, m.ContactId, m.Kind, m.Body, lastIn)).ToList();
    }

    private sealed record OutboundView(long Id, long ContactId, string? Kind, string Body, long ReplyTo);
}
