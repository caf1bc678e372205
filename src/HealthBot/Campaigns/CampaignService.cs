using System.Globalization;
using System.Text.Json;
using HealthBot.Data;
using HealthBot.Dialog;
using Microsoft.Extensions.Options;

namespace HealthBot.Campaigns;

/// <summary>What staff can do with campaigns, shared by the <c>healthbot campaign</c> commands and the JSON API.</summary>
public sealed class CampaignService(
    SqlCampaignStore campaigns,
    SqlAudienceStore audience,
    IDatabaseWriter writer,
    Database database,
    OutboxSignal outbox,
    TimeProvider time,
    IOptions<CampaignOptions> options,
    IOptions<DialogOptions> dialog,
    Channels.ChannelRegistry channels)
{
    public sealed record Created(long? Id, IReadOnlyList<string> Problems);

    /// <summary>Parses and checks a definition; stores it when there are no problems.</summary>
    public async Task<Created> CreateAsync(string json)
    {
        var (definition, problems) = Parse(json);
        if (definition is null || problems.Count > 0)
        {
            return new Created(null, problems);
        }

        var id = await campaigns.CreateAsync(definition.Name, definition.ToJson());
        return id is null ? new Created(null, [$"name: a campaign called '{definition.Name}' exists already"]) : new Created(id, []);
    }

    public (CampaignDefinition? Definition, IReadOnlyList<string> Problems) Parse(string json)
    {
        try
        {
            var definition = CampaignDefinition.Parse(json);
            return (definition, CampaignValidator.Validate(definition, options.Value.MaxSmsSegments,
                channels.CampaignChannels.Select(channels.Spec).ToList(), (c, text) => channels.TooLong(c, text)));
        }
        catch (JsonException ex)
        {
            // .NET's own message names types and paths staff cannot act on; the place is what they need.
            return (null, [ex.LineNumber is { } line
                ? "not a campaign definition: the text is not valid JSON at line " +
                    $"{line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}"
                : $"not a campaign definition: {ex.Message}"]);
        }
    }

    public IReadOnlyList<CampaignRow> List() => campaigns.List();

    public CampaignRow? Find(string idOrName) => campaigns.Find(idOrName);

    public Task<bool> SetStateAsync(long id, string state) => campaigns.SetStateAsync(id, state);

    public CampaignReport? Report(long id) => campaigns.Report(id);

    /// <summary>How many contacts the audience has now (not opted out, on the campaign's channels).</summary>
    public int Preview(CampaignDefinition definition)
    {
        var schedule = definition.Schedule;
        var anchor = schedule.Kind == CampaignSchedule.Relative ? schedule.Field : null;
        return audience.Count(new AudienceQuery(definition.Who, definition.Channels, dialog.Value.DefaultLanguage, anchor,
            anchor is null ? null : DateOnly.MinValue, anchor is null ? null : DateOnly.MaxValue));
    }

    /// <summary>
    /// The audience per language as it would be without the definition's language condition, so a page can say who
    /// gets the campaign, who gets nothing (no text in their language) and who is left out (language not chosen).
    /// </summary>
    public IReadOnlyDictionary<string, int> PreviewByLanguage(CampaignDefinition definition)
    {
        var schedule = definition.Schedule;
        var anchor = schedule.Kind == CampaignSchedule.Relative ? schedule.Field : null;
        return audience.CountByLanguage(new AudienceQuery(definition.Who with { Languages = null }, definition.Channels, dialog.Value.DefaultLanguage, anchor,
            anchor is null ? null : DateOnly.MinValue, anchor is null ? null : DateOnly.MaxValue));
    }

    public sealed record TestSend(long? MessageId, string? Problem);

    /// <summary>
    /// Sends one message of the campaign to one number now, as that contact would get it (their language unless
    /// <paramref name="language"/> is given). Never to an opted-out number; counts toward no report.
    /// </summary>
    public async Task<TestSend> TestSendAsync(CampaignDefinition definition, long campaignId, string channel, string address, string? language, int? n)
    {
        if (!definition.Channels.Contains(channel))
        {
            return new TestSend(null, $"the campaign does not use the {channel} channel");
        }

        var sent = await writer.WriteAsync((connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var contact = SqlContactStore.GetOrCreate(connection, transaction, database.Protector, channel, address, now);
            if (contact.Consent == Consent.OptedOut)
            {
                return (long?)null;
            }

            var lang = language ?? contact.Language ?? dialog.Value.DefaultLanguage;
            var text = definition.TextFor(n ?? definition.Messages.FirstOrDefault()?.N, lang) ?? definition.TextFor(n, dialog.Value.DefaultLanguage) ?? string.Empty;
            var draft = new OutboundDraft(CampaignPlanner.ForChannel(text, channel, lang), "campaign_test", lang, $"campaign:{campaignId}", null, options.Value.Priority);
            return SqlMessageStore.InsertOutbound(connection, transaction, database.Protector, contact.Id, channel, null, draft,
                $"campaign-test:{campaignId}:{Guid.NewGuid():N}", now);
        });
        outbox.Set();
        return sent is null ? new TestSend(null, "that number has opted out") : new TestSend(sent, null);
    }

    public static string Describe(CampaignReport r) => string.Create(CultureInfo.InvariantCulture,
        $"campaign {r.CampaignId} {r.Name} ({r.State}): targeted={r.Targeted} queued={r.Queued} sent={r.Sent} delivered={r.Delivered} failed={r.Failed} " +
        $"skipped={r.Skipped.Values.Sum()}{(r.Skipped.Count > 0 ? " (" + string.Join(", ", r.Skipped.Select(s => $"{s.Key}={s.Value}")) + ")" : string.Empty)} " +
        $"opted_out_after={r.OptedOutAfter} replies={r.Replies}");
}
