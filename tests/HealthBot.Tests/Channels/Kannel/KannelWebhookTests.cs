using System.Net;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Kannel;

/// <summary>The Kannel URLs over HTTP: recorded smsbox queries, the shared secret and the caller's address.</summary>
// Left out of the PostgreSQL pass: the provider's protocol; its inbound path and stores run on PostgreSQL in the
// provider's other classes.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class KannelWebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret-for-kannel";
    private HealthBotFactory factory = null!;

    public static TheoryData<string, string, int, string, string> Cases()
    {
        var data = new TheoryData<string, string, int, string, string>();
        var file = HealthBotFactory.RepositoryPath("src/HealthBot/Channels/Kannel/testdata/inbound-cases.tsv");
        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var f = line.Split('\t');
            data.Add(f[0], f[1], int.Parse(f[2]), f[3], f[4]);
        }

        return data;
    }

    public Task InitializeAsync()
    {
        factory = Factory([]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Recorded_queries_are_stored_or_refused_with_a_reason(
        string name, string query, int status, string from, string text)
    {
        var response = await factory.CreateClient().GetAsync($"/webhooks/kannel/sms?secret={Secret}&{query}");

        Assert.True(status == (int)response.StatusCode, $"{name}: {await response.Content.ReadAsStringAsync()}");
        if (status == 200)
        {
            var contact = await factory.Service<IContactStore>().FindAsync("sms", from);
            var stored = await factory.Service<IMessageStore>().ConversationAsync(contact!.Id, 0, 10);
            Assert.Equal(text, stored.First(m => m.Direction == "in").Body);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("secret=wrong&")]
    [InlineData("secret=s3cret-for-kannel-and-more&")]
    public async Task A_missing_or_wrong_secret_is_forbidden_and_nothing_is_stored(string secret)
    {
        var response = await factory.CreateClient().GetAsync(
            $"/webhooks/kannel/sms?{secret}from=%2B254700000020&text=hi&charset=UTF-8&id=x1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await factory.Service<IContactStore>().FindAsync("sms", "+254700000020"));
    }

    [Fact]
    public async Task A_caller_not_in_the_allowed_addresses_is_forbidden_even_with_the_secret()
    {
        await using var remoteOnly = Factory(["192.0.2.10"]);
        var response = await remoteOnly.CreateClient().GetAsync(
            $"/webhooks/kannel/sms?secret={Secret}&from=%2B254700000021&text=hi&charset=UTF-8&id=x2");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_secret_the_urls_do_not_exist()
    {
        await using var off = new HealthBotFactory();
        var response = await off.CreateClient().GetAsync("/webhooks/kannel/sms?secret=&from=%2B254700000022&text=hi");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_repeated_kannel_id_is_stored_once()
    {
        var client = factory.CreateClient();
        var url = $"/webhooks/kannel/sms?secret={Secret}&from=%2B254700000023&text=hello&charset=UTF-8&id=dup-1";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        var contact = await factory.Service<IContactStore>().FindAsync("sms", "+254700000023");
        var stored = await factory.Service<IMessageStore>().ConversationAsync(contact!.Id, 0, 10);
        Assert.Single(stored, m => m.Direction == "in");
    }

    [Theory]
    [InlineData("ref=abc&status=1")]
    [InlineData("ref=5&status=3")]
    [InlineData("status=1")]
    public async Task A_malformed_delivery_report_gets_a_reason(string query)
    {
        var response = await factory.CreateClient().GetAsync($"/webhooks/kannel/dlr?secret={Secret}&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must", await response.Content.ReadAsStringAsync());
    }

    private static HealthBotFactory Factory(string[] allowed)
    {
        var settings = new Dictionary<string, string?> { ["Kannel:Secret"] = Secret };
        for (var i = 0; i < allowed.Length; i++)
        {
            settings[$"Kannel:AllowedAddresses:{i}"] = allowed[i];
        }

        return new HealthBotFactory(settings: settings);
    }
}
