using System.Globalization;
using System.Text.RegularExpressions;
using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Campaigns;

/// <summary>
/// Staff CSV import. Columns: <c>phone</c> (the address: an international number, or on <c>telegram</c> a person's
/// chat id) and <c>consent</c> are required; <c>channel</c> (one campaigns can target),
/// <c>language</c>, <c>time_zone</c> and <c>groups</c> (separated by <c>;</c>) are optional; every other column becomes a
/// contact field, and a column ending in <c>_date</c> must hold a date. A row without consent is rejected: nobody is
/// messaged on a list's word alone. Each rejected row is reported with its line number.
/// </summary>
public sealed partial class ContactImport(SqlAudienceStore audience, Channels.ChannelRegistry channels)
{
    private static readonly string[] Known = ["phone", "consent", "channel", "language", "time_zone", "groups"];

    /// <summary>Contacts per transaction: a few hundred keep each write short on SQLite's single writer.</summary>
    private const int BatchSize = 500;

    public sealed record Result(int Imported, IReadOnlyList<string> Rejected);

    public async Task<Result> ImportAsync(TextReader csv, string? group = null)
    {
        var rows = Csv.Read(csv).ToList();
        if (rows.Count == 0)
        {
            return new Result(0, ["line 1: empty file"]);
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = new[] { "phone", "consent" }.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return new Result(0, [$"line 1: missing required column(s): {string.Join(", ", missing)}"]);
        }

        var rejected = new List<(int Line, string Problem)>();
        var imported = 0;
        var batch = new List<(int Line, Subscription Subscription)>();
        foreach (var (line, fields) in rows.Skip(1).Where(r => r.Fields.Any(f => f.Length > 0)))
        {
            var row = header.Select((name, i) => (name, value: i < fields.Count ? fields[i].Trim() : string.Empty))
                .ToDictionary(p => p.name, p => p.value);
            if (Check(row) is { } problem)
            {
                rejected.Add((line, problem));
                continue;
            }

            batch.Add((line, Subscription(row, group)));
            if (batch.Count == BatchSize)
            {
                imported += await WriteAsync(batch, rejected);
            }
        }

        imported += await WriteAsync(batch, rejected);
        return new Result(imported, [.. rejected.OrderBy(r => r.Line).Select(r => $"line {r.Line}: {r.Problem}")]);
    }

    /// <summary>Writes the batch in one transaction and empties it; the number imported.</summary>
    private async Task<int> WriteAsync(
        List<(int Line, Subscription Subscription)> batch, List<(int Line, string Problem)> rejected)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var contacts = await audience.SubscribeAllAsync([.. batch.Select(b => b.Subscription)]);
        var optedOut = batch.Zip(contacts).Where(p => p.Second.Consent == Consent.OptedOut).ToList();
        rejected.AddRange(optedOut.Select(p =>
            (p.First.Line, "this contact opted out; only they can opt back in (by sending START)")));
        var written = batch.Count - optedOut.Count;
        batch.Clear();
        return written;
    }

    private static Subscription Subscription(Dictionary<string, string> row, string? group)
    {
        var channel = row.GetValueOrDefault("channel") is { Length: > 0 } c ? c.ToLowerInvariant() : ChannelNames.Sms;
        var custom = row.Where(p => !Known.Contains(p.Key) && p.Value.Length > 0).ToDictionary(p => p.Key,
            p => p.Key.EndsWith("_date", StringComparison.Ordinal)
                ? LenientDate.Parse(p.Value)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : p.Value);
        var groups = (row.GetValueOrDefault("groups") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Append(group).OfType<string>().Distinct().ToList();
        return new Subscription(channel, row["phone"], groups, custom, Consent.OptedIn,
            row.GetValueOrDefault("language") is { Length: > 0 } l ? l : null,
            row.GetValueOrDefault("time_zone") is { Length: > 0 } tz ? tz : null);
    }

    private string? Check(Dictionary<string, string> row)
    {
        if (!ConsentWord().IsMatch(row["consent"]))
        {
            return "no consent (the consent column must say yes)";
        }

        var targets = channels.CampaignChannels;
        var channel = row.GetValueOrDefault("channel") is { Length: > 0 } c ? c.ToLowerInvariant() : ChannelNames.Sms;
        if (row.GetValueOrDefault("channel") is { Length: > 0 } && !targets.Contains(channel))
        {
            return $"channel must be {string.Join(" or ", targets)}";
        }

        // Each channel says what its addresses look like (a Telegram chat id); phone channels take E.164 numbers.
        if (channels.Spec(channel).AddressProblem is { } addressProblem)
        {
            if (addressProblem(row["phone"]) is { } problem)
            {
                return problem;
            }
        }
        else if (!Phone().IsMatch(row["phone"]))
        {
            return "phone must be in international format, e.g. +254712345678";
        }

        if (row.GetValueOrDefault("language") is { Length: > 0 } language && !CampaignValidator.Languages.Contains(language))
        {
            return $"language must be one of {string.Join(", ", CampaignValidator.Languages)}";
        }

        if (row.GetValueOrDefault("time_zone") is { Length: > 0 } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return $"unknown time zone '{zone}'";
        }

        var badDate = row.FirstOrDefault(p => p.Key.EndsWith("_date", StringComparison.Ordinal) && p.Value.Length > 0 && LenientDate.Parse(p.Value) is null);
        return badDate.Key is null ? null : $"{badDate.Key} is not a date";
    }

    [GeneratedRegex(@"^(yes|y|true|1|oui|ndiyo|ndio|sim|haan|opted_in)$", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentWord();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex Phone();
}
