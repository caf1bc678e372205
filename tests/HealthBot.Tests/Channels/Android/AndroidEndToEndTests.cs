using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using HealthBot.Channels.Android;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace HealthBot.Tests.Channels.Android;

/// <summary>
/// The whole SMS path through a phone with no internet and no Twilio settings: a person texts the phone → its signed
/// sms:received webhook → the real dialog engine → POST /message on the phone → its sms:delivered webhook.
/// </summary>
public sealed class AndroidEndToEndTests : IAsyncLifetime
{
    private const string Username = "sms";
    private const string Password = "pAssw0rd-from-the-app";
    private LocalAndroidPeer phone = null!;
    private HealthBotFactory factory = null!;

    public async Task InitializeAsync()
    {
        phone = await LocalAndroidPeer.StartAsync(Username, Password, AndroidWebhookTests.SigningKey);
        factory = new HealthBotFactory(settings: new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = string.Empty,
            ["Twilio:AuthToken"] = string.Empty,
            ["Twilio:SmsFrom"] = string.Empty,
            ["Twilio:WhatsAppFrom"] = string.Empty,
            ["Channels:Sms:Provider"] = "android",
            ["AndroidGateway:BaseUrl"] = phone.BaseUrl,
            ["AndroidGateway:Username"] = Username,
            ["AndroidGateway:Password"] = Password,
            ["AndroidGateway:SigningKey"] = AndroidWebhookTests.SigningKey,
            ["Channels:ProbeInterval"] = "00:00:01",
        });
        var healthBot = factory.StartOnLoopback(HealthBotFactory.FreeLoopbackPort());

        // As the README's curl does: one registration per event, all to the same URL.
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        foreach (var name in new[] { "sms:received", "sms:sent", "sms:delivered", "sms:failed" })
        {
            var url = new Uri(healthBot, AndroidWebhookEndpoints.Path).ToString();
            var registered = await client.PostAsJsonAsync($"{phone.BaseUrl}/webhooks", new { url, @event = name });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await phone.DisposeAsync();
    }

    [Fact]
    public async Task A_question_texted_to_the_phone_is_answered_through_it_and_the_delivery_is_recorded()
    {
        Assert.Equal([HttpStatusCode.OK], await phone.PhoneTextsAsync("+254700000401", "how do i make ORS at home"));

        var sent = await Eventually.WaitForAsync(
            () => phone.Received, r => r.Count >= 1, "the answer on the phone", 30000);
        var stored = await OutboundAsync("+254700000401");
        Assert.Equal(["+254700000401"], sent.Single().PhoneNumbers);
        Assert.Equal(stored.Body, sent.Single().Text);
        Assert.Contains("ORS", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"healthbot-{stored.Id}", sent.Single().Id);

        Assert.Equal([HttpStatusCode.OK], await phone.ReportAsync("sms:sent", sent.Single()));
        Assert.Equal([HttpStatusCode.OK], await phone.ReportAsync("sms:delivered", sent.Single()));
        await Eventually.WaitAsync(() => OutboundAsync("+254700000401"), m => m.Status == "delivered", "delivered");
        Assert.DoesNotContain(factory.Logs, l => l.Contains("254700000401") || l.Contains("ORS at home"));
    }

    [Fact]
    public async Task A_failed_report_marks_the_answer_failed_with_the_phones_reason()
    {
        await phone.PhoneTextsAsync("+254700000402", "what are the signs of malaria");
        var sent = await Eventually.WaitForAsync(
            () => phone.Received, r => r.Count >= 1, "the answer on the phone", 30000);

        await phone.ReportAsync("sms:failed", sent.Single(), "RESULT_ERROR_GENERIC_FAILURE");

        // The report can overtake our record of the send (recorded after the phone's answer): it is kept and applied
        // then, so the status arrives, if not at once.
        var stored = await Eventually.WaitAsync(() => OutboundAsync("+254700000402"), m => m.Status == "failed",
            "the failed status");
        var history = await factory.Service<IMessageStore>().StatusHistoryAsync(stored.Id);
        Assert.Contains(history, h => h.ErrorCode == "android: RESULT_ERROR_GENERIC_FAILURE");
    }

    [Fact]
    public async Task Stop_texted_to_the_phone_opts_out_and_confirms()
    {
        await phone.PhoneTextsAsync("+254700000403", "STOP");
        await Eventually.WaitForAsync(() => phone.Received, r => r.Count >= 1, "the opt-out confirmation", 30000);

        var contact = await factory.Service<IContactStore>().FindAsync("sms", "+254700000403");
        Assert.Equal(Consent.OptedOut, contact!.Consent);
    }

    [Fact]
    public async Task A_phone_whose_clock_is_ten_minutes_behind_is_refused_and_nothing_is_stored()
    {
        phone.Clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal([HttpStatusCode.Forbidden], await phone.PhoneTextsAsync("+254700000404", "hello"));
        Assert.Null(await factory.Service<IContactStore>().FindAsync("sms", "+254700000404"));
    }

    [Fact]
    public async Task A_phone_error_500_is_retried_and_the_answer_arrives()
    {
        phone.Script(500, 503);
        await phone.PhoneTextsAsync("+254700000405", "what are the signs of malaria");

        var sent = await Eventually.WaitForAsync(
            () => phone.Received, r => r.Count >= 1, "the answer after retries", 30000);
        Assert.Equal(["+254700000405"], sent.Single().PhoneNumbers);
    }

    [Fact]
    public async Task A_refused_send_400_fails_permanently_without_retrying()
    {
        phone.Script(400);
        await phone.PhoneTextsAsync("+254700000406", "what are the signs of malaria");

        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'failed'"),
            n => n == 1, "the send failed permanently", 30000);
        await factory.WaitIdleAsync();
        Assert.Empty(phone.Received);
        Assert.Equal(1, await factory.CountAsync("SELECT attempts FROM outbox"));
    }

    [Fact]
    public async Task A_conflict_409_for_our_own_id_counts_as_sent_so_later_reports_still_map()
    {
        phone.Script(409);
        await phone.PhoneTextsAsync("+254700000407", "what are the signs of malaria");

        await Eventually.WaitAsync(() => factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'done'"),
            n => n == 1, "the send recorded", 30000);
        var stored = await OutboundAsync("+254700000407");
        Assert.Equal($"android-healthbot-{stored.Id}", stored.ProviderId);
        Assert.Equal(0, await factory.CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'failed'"));
    }

    [Fact]
    public async Task Readyz_shows_the_phone_up_while_it_answers_health()
    {
        var client = factory.CreateClient();

        var ready = await Eventually.WaitAsync(() => client.GetStringAsync("/readyz"),
            r => r.Contains("\"name\":\"android\"") && r.Contains("\"up\":true"), "the phone up in /readyz", 30000);
        Assert.Contains("battery 81%", ready);
    }

    private async Task<StoredMessage> OutboundAsync(string address)
    {
        var contact = await factory.Service<IContactStore>().FindAsync("sms", address)
                      ?? throw new InvalidOperationException("no contact");
        var messages = await factory.Service<IMessageStore>().ConversationAsync(contact.Id, 0, 50);
        return messages.Single(m => m.Direction == "out");
    }
}
