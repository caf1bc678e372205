using System.Collections.Concurrent;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Privacy;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthBot.Tests.Privacy;

/// <summary>
/// "Forget me" works for everyone, not only the first person on a channel: erased contacts must not collide on the
/// unique (channel, address), and one contact that cannot be erased must not stop the sweep for everyone after it.
/// </summary>
public sealed class ForgetManyTests
{
    private static readonly string[] Channels = [ChannelNames.Sms, ChannelNames.WhatsApp, ChannelNames.WebChat];

    [Fact]
    public Task Five_people_on_every_channel_are_forgotten_on_sqlite() => ForgetFiveOnEveryChannelAsync(null);

    [PostgresFact]
    public Task Five_people_on_every_channel_are_forgotten_on_postgres() =>
        ForgetFiveOnEveryChannelAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:PostgresConnection"] = TestPostgres.CreateDatabase(),
        });

    [Fact]
    public async Task The_sweep_erases_the_others_when_one_contact_fails_and_logs_no_number()
    {
        var lines = new ConcurrentQueue<string>();
        var database = TestDatabase.Create(Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N")));
        await using var writer = new SqliteWriter(database);
        var contacts = new SqlContactStore(database, writer, TimeProvider.System);
        var clock = TimeProvider.System;
        var privacy = new SqlPrivacyStore(database, writer, new SqlMessageStore(database, writer, clock), clock);
        using var logs = LoggerFactory.Create(b => b.AddProvider(new CapturingLoggerProvider(lines)));
        var worker = new PrivacyWorker(privacy, database.Protector, new DataKeyCheck(database, writer, clock), clock,
            Options.Create(new PrivacyOptions()), logs.CreateLogger<PrivacyWorker>());
        var ids = new List<long>();
        foreach (var number in new[] { "+254744000001", "+254744000002", "+254744000003" })
        {
            var contact = await contacts.GetOrCreateAsync(ChannelNames.Sms, number);
            await privacy.RequestForgetAsync(contact.Id);
            ids.Add(contact.Id);
        }

        // A row the database refuses to change, as the second erasure on a channel once was.
        Execute(database, "CREATE TRIGGER test_refuse BEFORE UPDATE OF erased_at ON contacts " +
            $"WHEN NEW.id = {ids[1]} BEGIN SELECT RAISE(ABORT, 'refused'); END;");

        var first = await worker.SweepAsync(CancellationToken.None);

        Assert.Equal((2, 1), (first.Forgotten, first.Failed));
        Assert.Null(await contacts.FindAsync(ChannelNames.Sms, "+254744000003"));
        Assert.Contains(lines, l => l.Contains($"contact #{ids[1]} could not be erased", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("744000", StringComparison.Ordinal));

        Execute(database, "DROP TRIGGER test_refuse;");
        var second = await worker.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 0), (second.Forgotten, second.Failed));
        Assert.Null(await contacts.FindAsync(ChannelNames.Sms, "+254744000002"));
    }

    [Fact]
    public async Task Contact_forget_erases_a_second_and_third_person_on_the_same_channel()
    {
        var data = Path.Combine(Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        var database = TestDatabase.Create(data);
        var numbers = new[] { "+254777000001", "+254777000002", "+254777000003" };
        await using (var writer = new SqliteWriter(database))
        {
            foreach (var number in numbers)
            {
                await new SqlContactStore(database, writer, TimeProvider.System).GetOrCreateAsync(ChannelNames.Sms, number);
            }
        }

        foreach (var number in numbers)
        {
            var run = await CliRun.RunAsync(
                "contact", "forget", number, "--Storage:DataDirectory", data, "--Content:Directory", HealthBotFactory.ContentDirectory);

            Assert.True(run.ExitCode == 0, $"healthbot contact forget exited {run.ExitCode}: {run.Stderr}");
            Assert.Contains("erased", run.Stdout, StringComparison.Ordinal);
        }
    }

    private static async Task ForgetFiveOnEveryChannelAsync(IDictionary<string, string?>? settings)
    {
        using var factory = new HealthBotFactory(settings: settings);
        var contacts = factory.Service<IContactStore>();
        var privacy = factory.Service<IPrivacyStore>();
        var people = new List<(string Channel, string Address)>();
        foreach (var channel in Channels)
        {
            for (var i = 0; i < 5; i++)
            {
                var address = channel switch
                {
                    ChannelNames.WhatsApp => $"whatsapp:+25475500{i:D4}",
                    ChannelNames.WebChat => $"web-{Guid.NewGuid():N}",
                    _ => $"+25476600{i:D4}",
                };
                var contact = await contacts.GetOrCreateAsync(channel, address);
                people.Add((channel, address));
                // Half as `healthbot contact forget` does (at once), half as a "forget me" text does (by the sweep).
                if (i % 2 == 0)
                {
                    Assert.True(await privacy.ForgetNowAsync(contact.Id));
                }
                else
                {
                    await privacy.RequestForgetAsync(contact.Id);
                }
            }
        }

        await Eventually.WaitAsync(
            async () =>
            {
                await factory.Service<PrivacyWorker>().SweepAsync(CancellationToken.None);
                return await factory.CountAsync("SELECT COUNT(*) FROM contacts WHERE erased_at IS NOT NULL");
            },
            erased => erased == people.Count, "every contact to be erased");

        foreach (var (channel, address) in people)
        {
            Assert.Null(await contacts.FindAsync(channel, address));
        }

        // Someone forgotten who writes again is a new contact, with nothing of the old one.
        var again = await contacts.GetOrCreateAsync(ChannelNames.Sms, "+254766000001");
        Assert.Equal("implicit", again.Consent);
        Assert.Equal(people.Count + 1, await factory.CountAsync("SELECT COUNT(*) FROM contacts"));
    }

    private static void Execute(SqliteDatabase database, string sql)
    {
        using var connection = database.Open();
        connection.Command(sql).ExecuteNonQuery();
    }
}
