using System.Globalization;
using System.Text.Json;
using HealthBot.Cli;
using HealthBot.Data;

namespace HealthBot.Campaigns;

/// <summary>
/// <c>healthbot campaign list | show ID | create FILE | preview FILE | pause ID | resume ID | cancel ID | report ID |
/// test-send ID NUMBER [--channel sms] [--language en] [--n N] | import FILE.csv [--group G] | plan</c>, on the configured
/// database. A running service picks changes up at its next planning tick (every minute).
/// </summary>
public static class CampaignCommand
{
    // For a person at a terminal: "légumes" and "हाथ" as written, not \u00E9 escapes
    // (the output is never embedded in HTML).
    private static readonly JsonSerializerOptions ShowJson = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string Usage =
        "usage: healthbot campaign list | show ID | create FILE.json | preview FILE.json | pause ID | resume ID | cancel ID | report ID\n" +
        "                          | test-send ID NUMBER [--channel sms|whatsapp] [--language xx] [--n N] | import FILE.csv [--group G] | plan";

    public static async Task<int> RunAsync(string[] args)
    {
        // --Section:Key=value anywhere is configuration; the rest is the verb, its target and its options.
        static bool IsSetting(string a) => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal);
        var settings = args.Skip(1).Where(IsSetting).ToArray();
        var positional = args.Skip(1).Where(a => !IsSetting(a)).ToArray();
        var (verb, target, options) = (args.ElementAtOrDefault(0), positional.ElementAtOrDefault(0), positional.Skip(1).ToArray());
        var needsTarget = verb is "show" or "create" or "preview" or "pause" or "resume" or "cancel" or "report" or "test-send" or "import";
        if (verb is null || (needsTarget && target is null) || !(needsTarget || verb is "list" or "plan"))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var host = CommandHost.Build(settings);
        if (host is null)
        {
            return 1;
        }

        var service = host.Services.GetRequiredService<CampaignService>();
        return verb switch
        {
            "list" => List(service),
            "create" or "preview" => await CreateAsync(service, verb, target!),
            "import" => await ImportAsync(host.Services.GetRequiredService<ContactImport>(), target!, Option(options, "--group")),
            "plan" => Print($"planned {await host.Services.GetRequiredService<PlanTrigger>().NowAsync()} new sends", 0),
            _ => await OnCampaignAsync(service, verb, target!, options),
        };
    }

    private static async Task<int> OnCampaignAsync(CampaignService service, string verb, string target, string[] options)
    {
        if (service.Find(target) is not { } row)
        {
            return Print($"healthbot campaign: no campaign with id or name '{target}'", 1, error: true);
        }

        switch (verb)
        {
            case "show":
                var definition = JsonDocument.Parse(row.Definition).RootElement;
                var shown = new { row.Id, row.Name, row.State, Definition = definition };
                Console.Out.WriteLine(JsonSerializer.Serialize(shown, ShowJson));
                return 0;
            case "report":
                return Print(CampaignService.Describe(service.Report(row.Id)!), 0);
            case "test-send":
                var to = options.FirstOrDefault(o => !o.StartsWith("--", StringComparison.Ordinal)) ?? string.Empty;
                var n = int.TryParse(Option(options, "--n"), CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
                var sent = await service.TestSendAsync(CampaignDefinition.Parse(row.Definition), row.Id, Option(options, "--channel") ?? "sms", to, Option(options, "--language"), n);
                return sent.MessageId is { } id ? Print($"queued test message {id}; the running service sends it", 0) : Print($"not sent: {sent.Problem}", 1, error: true);
        }

        var state = verb switch { "pause" => CampaignState.Paused, "resume" => CampaignState.Active, _ => CampaignState.Cancelled };
        return await service.SetStateAsync(row.Id, state)
            ? Print($"campaign {row.Id} {row.Name}: {state}", 0)
            : Print($"campaign {row.Id} {row.Name} is {row.State}; nothing changed", 1, error: true);
    }

    private static int List(CampaignService service)
    {
        foreach (var row in service.List())
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Id}\t{row.State}\t{row.Name}\t{CampaignDefinition.Parse(row.Definition).Schedule.Kind}"));
        }

        return 0;
    }

    private static async Task<int> CreateAsync(CampaignService service, string verb, string file)
    {
        var json = await File.ReadAllTextAsync(file);
        if (verb == "preview")
        {
            var (definition, problems) = service.Parse(json);
            return definition is null || problems.Count > 0
                ? Problems(problems)
                : Print($"audience: {Plural.Of(service.Preview(definition), "contact")}", 0);
        }

        var created = await service.CreateAsync(json);
        return created.Id is { } id ? Print($"created campaign {id}", 0) : Problems(created.Problems);
    }

    private static async Task<int> ImportAsync(ContactImport import, string file, string? group)
    {
        using var reader = File.OpenText(file);
        var result = await import.ImportAsync(reader, group);
        foreach (var line in result.Rejected)
        {
            Console.Out.WriteLine($"rejected {line}");
        }

        var summary =
            $"imported {Plural.Of(result.Imported, "contact")}, rejected {Plural.Of(result.Rejected.Count, "row")}";
        return Print(summary, result.Rejected.Count == 0 ? 0 : 1);
    }

    private static int Problems(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"healthbot campaign: {problem}");
        }

        return 1;
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int Print(string line, int code, bool error = false)
    {
        (error ? Console.Error : Console.Out).WriteLine(line);
        return code;
    }
}
