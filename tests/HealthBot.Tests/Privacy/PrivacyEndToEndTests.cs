using System.Text;
using HealthBot.Channels.Twilio;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Privacy;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Privacy;

/// <summary>What people tell us stays protected: encrypted at rest, absent from logs, erased on request.</summary>
public sealed class PrivacyEndToEndTests() : TwilioPeerTests(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
    })
{
    private const string Phone = "+254711223344";
    private const string Secret = "my husband beats me and i am pregnant what do i do";

    [Fact]
    public async Task Numbers_and_texts_are_in_neither_the_database_files_nor_the_logs()
    {
        var expected = 0;
        foreach (var text in new[] { Secret, "how do i prevent malaria for my twins in Kakamega", "STOP" })
        {
            // One at a time: a STOP that overtakes queued replies would (rightly) cancel them.
            var before = Peer.Received.Count(m => m.To == Phone);
            await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(Phone, text));
            await Eventually.WaitForAsync(() => Peer.Received.Count(m => m.To == Phone), c => c > before, "a reply");
            expected++;
        }

        await Eventually.WaitForAsync(() => Peer.Received.Count(m => m.To == Phone), c => c >= expected, "the replies");
        await Factory.WaitIdleAsync();

        var files = Directory.GetFiles(Factory.DataDirectory, "healthbot.db*");
        var stored = string.Concat(files.Select(f => Encoding.UTF8.GetString(ReadShared(f))));
        Assert.DoesNotContain("711223344", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("beats me", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Kakamega", stored, StringComparison.Ordinal);

        var logs = string.Join('\n', Factory.Logs);
        Assert.True(Factory.Logs.Count > 20, "the test must capture the host's logs");
        Assert.DoesNotContain("711223344", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("beats me", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Kakamega", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Sleep under", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_confirms_then_erases_the_number_and_every_text_but_keeps_counts()
    {
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(Phone, "how do i prevent malaria"));
        // The answer first: a FORGET that overtakes a queued answer opts the person out, which (rightly) cancels it.
        await Eventually.WaitForAsync(() => Peer.Received.Count(m => m.To == Phone), c => c >= 1, "the answer");
        await Factory.PostSignedAsync("/webhooks/twilio/sms", HealthBotFactory.InboundForm(Phone, "FORGET"));
        var confirmation = await Eventually.WaitForAsync(() => Peer.Received.Where(m => m.To == Phone).ToList(), r => r.Count >= 2, "the confirmation");
        Assert.Contains("delete", confirmation[^1].Body, StringComparison.Ordinal);

        await Eventually.WaitAsync(async () => (await Factory.Service<PrivacyWorker>().SweepAsync(CancellationToken.None)).Forgotten, f => f == 1, "the erasure");

        Assert.Null(await Factory.Service<IContactStore>().FindAsync("sms", Phone));
        Assert.Equal(4, await Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE body = '' AND erased_at IS NOT NULL"));
        Assert.Equal(1, await Factory.CountAsync("SELECT COUNT(*) FROM messages WHERE content_id = 'malaria-prevention'"));
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
