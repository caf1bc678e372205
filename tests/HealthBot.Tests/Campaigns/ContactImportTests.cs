using HealthBot.Campaigns;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Campaigns;

/// <summary>
/// A contacts CSV written in batches: across a batch's end, with problems and an opted-out person in between, every
/// good row lands with its groups and fields, and the problems come back in line order.
/// </summary>
public sealed class ContactImportTests : IAsyncLifetime
{
    private readonly HealthBotFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Rows_across_batches_land_with_their_groups_and_problems_come_back_in_line_order()
    {
        const string OptedOut = "+254711000123";
        var contacts = factory.Service<IContactStore>();
        var person = await contacts.GetOrCreateAsync(ChannelNames.Sms, OptedOut);
        await contacts.SetConsentAsync(person.Id, Consent.OptedOut, ChannelNames.Sms, "test");
        var lines = new List<string> { "phone,consent,groups,due_date" };
        for (var i = 0; i < 1200; i++)
        {
            lines.Add(i switch
            {
                7 => "+254711000007,no,mothers,2027-01-02",
                123 => $"{OptedOut},yes,mothers,2027-01-02",
                900 => "0711000900,yes,mothers,2027-01-02",
                _ => $"+2547110{i:D5},yes,mothers;district-a,2027-01-{1 + (i % 28):D2}",
            });
        }

        var result = await factory.Service<ContactImport>().ImportAsync(new StringReader(string.Join('\n', lines)));

        Assert.Equal(1197, result.Imported);
        Assert.Equal(["line 9:", "line 125:", "line 902:"], result.Rejected.Select(r => r[..(r.IndexOf(':') + 1)]));
        Assert.Contains("opted out", result.Rejected[1], StringComparison.Ordinal);
        var audience = factory.Service<SqlAudienceStore>();
        var query = new AudienceQuery(
            new AudienceFilter(null, ["mothers", "district-a"], null, null), [ChannelNames.Sms], "en");
        Assert.Equal(1197, audience.Count(query));
        Assert.Equal(Consent.OptedOut, (await contacts.FindAsync(ChannelNames.Sms, OptedOut))!.Consent);
    }
}
