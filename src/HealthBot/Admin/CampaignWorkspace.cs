using System.Globalization;
using System.Text.RegularExpressions;
using HealthBot.Campaigns;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Admin;

/// <summary>
/// The workspace's campaign actions: <see cref="CampaignService"/> plus the audit trail. The trail names campaigns and
/// contact ids, never numbers or message texts.
/// </summary>
public sealed partial class CampaignWorkspace(CampaignService campaigns, PlanTrigger plan, IContactStore contacts, SqlStaffStore audit)
{
    public async Task<CampaignService.Created> CreateAsync(string actor, string json)
    {
        var created = await campaigns.CreateAsync(json);
        if (created.Id is { } id)
        {
            await audit.AuditAsync(actor, "campaign.create", Target(id), $"name={campaigns.Find(Key(id))?.Name}");
            // Plans what is already due now instead of at the next minutely tick.
            await plan.NowAsync();
        }

        return created;
    }

    /// <summary>Pause, resume or cancel; false when the campaign's current state does not allow it.</summary>
    public async Task<bool> SetStateAsync(string actor, long id, string verb)
    {
        var state = verb switch
        {
            "pause" => CampaignState.Paused,
            "resume" => CampaignState.Active,
            "cancel" => CampaignState.Cancelled,
            _ => throw new ArgumentException($"unknown campaign action '{verb}'", nameof(verb)),
        };
        if (!await campaigns.SetStateAsync(id, state))
        {
            return false;
        }

        await audit.AuditAsync(actor, $"campaign.{verb}", Target(id), $"state={state}");
        await plan.NowAsync();
        return true;
    }

    public sealed record TestResult(bool Sent, string? Problem);

    /// <summary>One message of the campaign to one number, now; the audit records the contact id it went to.</summary>
    public async Task<TestResult> TestSendAsync(string actor, CampaignRow row, string channel, string number, string? language)
    {
        number = number.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (!Phone().IsMatch(number))
        {
            return new TestResult(false, "the number must be in international format, e.g. +254712345678");
        }

        var address = number;
        var definition = CampaignDefinition.Parse(row.Definition);
        // A relative schedule's first message, so "{n}" reads as the contact would first see it.
        int? n = definition.Schedule.Kind == CampaignSchedule.Relative ? definition.Schedule.FirstNumber : null;
        var sent = await campaigns.TestSendAsync(definition, row.Id, channel, address, string.IsNullOrEmpty(language) ? null : language, n);
        var contact = await contacts.FindAsync(channel, address);
        var who = contact is null ? "no contact" : $"contact #{contact.Id}";
        await audit.AuditAsync(actor, sent.MessageId is null ? "campaign.test_send_refused" : "campaign.test_send", Target(row.Id), $"{who} via {channel}");
        return new TestResult(sent.MessageId is not null, sent.Problem);
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Target(long id) => $"campaign #{Key(id)}";

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex Phone();
}
