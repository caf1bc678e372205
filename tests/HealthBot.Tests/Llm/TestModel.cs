using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Llm;
using HealthBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthBot.Tests.Llm;

/// <summary>
/// The tiny random-weight GGUF model (../shared/models/llama-2-tiny-random.gguf) that <c>.ci/run</c> points
/// HEALTHBOT_TEST_MODEL at. It really loads and generates through LLamaSharp, and everything it says is gibberish.
/// </summary>
public static class TestModel
{
    public const string Variable = "HEALTHBOT_TEST_MODEL";

    public static string? Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;

    public static string SkipReason =>
        $"{Variable} is not set: the local-model tests need the tiny test model (.ci/run sets {Variable}=../shared/models/llama-2-tiny-random.gguf)";

    /// <summary>
    /// The product's services (no web server) with the model configured: private database, repository content,
    /// one CPU thread (two threads on a two-core box are slower for a model this small).
    /// </summary>
    public static IHost Host(IDictionary<string, string?>? settings = null, string? modelPath = null)
    {
        var data = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "healthbot-tests", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data,
            ["Content:Directory"] = HealthBotFactory.ContentDirectory,
            ["Content:WatchForChanges"] = "false",
            ["Llm:ModelPath"] = modelPath ?? Path,
            ["Llm:Threads"] = "1",
            ["Llm:ContextSize"] = "2048",
            // Answers end with "Was this helpful?" by default; tests that compare reply texts expect the content alone, and
            // the feedback tests turn it on.
            ["Dialog:Feedback:Mode"] = "Off",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        builder.Services.AddHealthBot(builder.Configuration);
        var host = builder.Build();
        Assert.True(host.Services.TryMigrateDatabase());
        host.Services.LoadContent(watch: false);
        return host;
    }

    /// <summary>An SMS answer request for a real item, as the dialog engine makes it.</summary>
    public static async Task<AnswerRequest> SmsRequestAsync(IServiceProvider services, string question = "how do i mix ors for my baby", string id = "diarrhoea-ors")
    {
        var item = services.GetRequiredService<ContentCatalog>().Current.Find(id, "en")!;
        var contact = await services.GetRequiredService<IContactStore>().GetOrCreateAsync(ChannelNames.Sms, $"+2547{Random.Shared.Next(10000000, 99999999)}");
        return new AnswerRequest(contact, TextNormalizer.Normalize(question), item, ChannelProfile.For(ChannelNames.Sms), item.Sms);
    }
}

/// <summary>A fact that needs the tiny test model; skipped, with the reason shown, when HEALTHBOT_TEST_MODEL is unset.</summary>
public sealed class ModelFactAttribute : FactAttribute
{
    public ModelFactAttribute()
    {
        if (TestModel.Path is null)
        {
            Skip = TestModel.SkipReason;
        }
    }
}
