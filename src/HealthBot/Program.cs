using HealthBot;
using HealthBot.Campaigns;
using HealthBot.Admin;
using HealthBot.Channels;
using HealthBot.Channels.WebChat;
using HealthBot.Cli;
using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Maintenance;
using HealthBot.Operability;
using HealthBot.Outbox;
using HealthBot.Privacy;
using HealthBot.Safety;
using HealthBot.Telemetry;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(SettingsFiles.WithoutDefaultWatch(CommandLine.ServeArguments(args)))
    .UseHealthBotDefaults();
builder.Services
    .AddHealthBot(builder.Configuration)
    .AddDialogWorker()
    .AddAlertSummaryWorker()
    .AddOutboxWorker()
    .AddProviderMonitor()
    .AddPrivacyWorker()
    .AddCampaignJobServer(builder.Configuration)
    .AddCampaignApi()
    .AddDataDirectoryLock()
    .AddClockWatch()
    .AddAdminWorkspace(builder.Configuration);

var app = builder.Build();
if (!app.Services.SettingsAreValid() || !app.Services.TryMigrateDatabase())
{
    return 1;
}

app.Services.LoadContent(watch: true);
app.UseOperability();
app.UseTelemetry();
app.UseWebChatLimits();
app.MapHealth();
app.MapMetrics();
app.MapChannels();
app.MapCampaigns();
app.ScheduleBackups();
app.MapAdmin();
return await app.RunOrExplainAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
