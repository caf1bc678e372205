using HealthBot.Campaigns;

namespace HealthBot.Tests.Campaigns;

/// <summary>Staff hear what is wrong with a campaign before it is stored.</summary>
public sealed class CampaignValidatorTests
{
    private static IReadOnlyList<string> Check(string schedule, string text, string language = "en") => CampaignValidator.Validate(
        CampaignDefinition.Parse($$$"""{"name":"c","channels":["sms"],"schedule":{{{schedule}}},"messages":[{"text":{"{{{language}}}":"{{{text}}}"}}]}"""), 2);

    private const string Once = """{"kind":"once","at":"2027-01-10T09:00:00","timeZone":"Africa/Nairobi"}""";

    [Fact]
    public void Accents_that_sms_folds_away_do_not_count_against_the_budget()
    {
        // 200 characters with ã and ç: 3 UCS-2 segments as typed, 2 GSM-7 segments as sent.
        var text = string.Concat(Enumerable.Repeat("Vacinação grátis. ", 12)).Trim()[..200];
        Assert.Empty(Check(Once, text, "pt"));
    }

    [Fact]
    public void A_hindi_message_is_measured_in_ucs2()
    {
        var text = string.Concat(Enumerable.Repeat("टीका मुफ़्त है। ", 12));
        Assert.Contains(Check(Once, text, "hi"), p => p.StartsWith("messages[].text.hi: encoding=UCS-2 segments=3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"kind":"recurring","cron":"every monday"}""", "schedule.cron: 'every monday' is not a five-field cron expression (e.g. 0 9 * * MON)")]
    [InlineData("""{"kind":"relative","from":"-36w","to":"+12w"}""", "schedule.field: the contact date field to count from (e.g. due_date)")]
    [InlineData("""{"kind":"relative","field":"due_date","from":"-36 weeks"}""", "schedule: '-36 weeks' is not an offset such as -36w, +12w or 3d")]
    [InlineData("""{"kind":"once","at":"2027-01-10T09:00:00","timeZone":"Mars/Olympus"}""", "schedule.timeZone: 'Mars/Olympus' is not a known time zone (use an IANA id such as Africa/Nairobi)")]
    [InlineData("""{"kind":"sometimes"}""", "schedule.kind: once, recurring or relative")]
    public void Schedules_are_checked(string schedule, string problem) => Assert.Contains(problem, Check(schedule, "Hello."));

    [Fact]
    public void Languages_must_be_ones_the_bot_speaks() =>
        Assert.Contains("messages[].text: 'de' is not one of en, fr, sw, pt, hi", Check(Once, "Hallo.", "de"));
}
