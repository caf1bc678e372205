using System.Globalization;
using System.Text.Json;
using HealthBot.Channels.Meta;
using HealthBot.Outbox;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Meta;

/// <summary>Meta's refusals mapped to retry, template or fail, from the recorded answers in testdata/.</summary>
public sealed class MetaErrorsTests
{
    public static TheoryData<string, int, string, string, string> Cases()
    {
        var data = new TheoryData<string, int, string, string, string>();
        var file = HealthBotFactory.RepositoryPath("src/HealthBot/Channels/Meta/testdata/errors.tsv");
        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var f = line.Split('\t');
            data.Add(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], f[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_error_answer_maps_to_what_the_outbox_should_do(
        string name, int http, string expected, string code, string body)
    {
        var (result, needsTemplate) = MetaErrors.Map(http, body);

        Assert.True(expected == "template" == needsTemplate, name);
        switch (expected)
        {
            case "retry":
                var retry = Assert.IsType<SendResult.Retry>(result);
                // Meta refused these before accepting anything: no lookup is needed before retrying; a 5xx is unsure.
                Assert.Equal(http >= 500, retry.InDoubt);
                break;
            default:
                var fail = Assert.IsType<SendResult.Fail>(result);
                Assert.Equal(code, fail.ErrorCode);
                Assert.Equal(expected == "opted-out", fail.RecipientOptedOut);
                Assert.NotEmpty(fail.Error);
                break;
        }
    }

    [Fact]
    public void The_undeliverable_reason_keeps_metas_details_for_staff()
    {
        var body = File.ReadLines(HealthBotFactory.RepositoryPath("src/HealthBot/Channels/Meta/testdata/errors.tsv"))
            .Single(l => l.StartsWith("undeliverable\t", StringComparison.Ordinal)).Split('\t')[4];

        var fail = Assert.IsType<SendResult.Fail>(MetaErrors.Map(400, body).Result);

        Assert.Contains("not a WhatsApp phone number", fail.Error);
    }

    [Fact]
    public void Template_variables_go_in_number_order_without_line_breaks()
    {
        var variables = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["10"] = "last", ["2"] = "Clinic day\nis Tuesday", ["1"] = "Amina",
        });

        var json = JsonSerializer.SerializeToElement(
            MetaRequests.Template("254700000001", "clinic_day", "sw", variables));

        var template = json.GetProperty("template");
        Assert.Equal("clinic_day", template.GetProperty("name").GetString());
        Assert.Equal("sw", template.GetProperty("language").GetProperty("code").GetString());
        var parameters = template.GetProperty("components")[0].GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("text").GetString()!).ToArray();
        Assert.Equal(["Amina", "Clinic day is Tuesday", "last"], parameters);
    }

    [Fact]
    public void A_list_keeps_to_metas_limits_for_long_titles_and_many_topics()
    {
        var rows = Enumerable.Range(1, 12).Select(i => ($"t{i}", $"A very long topic title number {i}")).ToList();

        var json = JsonSerializer.SerializeToElement(
            MetaRequests.List("254700000001", "Choose a topic", "Choose a health topic please", rows));

        var action = json.GetProperty("interactive").GetProperty("action");
        Assert.True(action.GetProperty("button").GetString()!.Length <= MetaRequests.MaxButton);
        var titles = action.GetProperty("sections")[0].GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("title").GetString()!).ToList();
        Assert.Equal(10, titles.Count);
        Assert.All(titles, t => Assert.True(t.Length <= MetaRequests.MaxRowTitle, t));
    }
}
