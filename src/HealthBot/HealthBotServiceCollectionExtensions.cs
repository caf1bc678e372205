using HealthBot.Campaigns;
using HealthBot.Admin;
using HealthBot.Channels;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Llm;
using HealthBot.Maintenance;
using HealthBot.Operability;
using HealthBot.Outbox;
using HealthBot.Privacy;
using HealthBot.Safety;
using HealthBot.Telemetry;

namespace HealthBot;

public static class HealthBotServiceCollectionExtensions
{
    /// <summary>
    /// Every feature, for the web host and the one-shot commands alike; background loops are added separately.
    /// </summary>
    public static IServiceCollection AddHealthBot(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddOperability(configuration)
            .AddTelemetry(configuration)
            .AddPrivacy(configuration)
            .AddData(configuration)
            .AddContent(configuration)
            .AddDialog(configuration)
            .AddLlm(configuration)
            .AddSafety(configuration)
            .AddOutbox(configuration)
            .AddChannels(configuration)
            .AddCampaigns(configuration)
            .AddMaintenance(configuration)
            .AddAdminCore(configuration);

    /// <summary>
    /// The embedded defaults: listen on http://localhost:5080 unless URLs are configured (ASPNETCORE_URLS, --urls,
    /// "Urls"), and keep framework logs to warnings. Any configuration source overrides these. The settings files
    /// reload when edited, watched by name only (<see cref="SettingsFiles"/>).
    /// </summary>
    public static WebApplicationBuilder UseHealthBotDefaults(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            },
        });

        SettingsFiles.PollForChanges(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        return builder;
    }
}
