using Hangfire;
using Hangfire.Dashboard;
using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;
using Microsoft.Extensions.Options;

namespace HealthBot.Campaigns;

public static class CampaignServiceCollectionExtensions
{
    public const string DashboardPath = "/admin/jobs";

    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CampaignOptions>().Bind(configuration.GetSection(CampaignOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqlCampaignStore>();
        services.AddSingleton<SqlAudienceStore>();
        services.AddSingleton<SqlCampaignPlanStore>();
        services.AddSingleton<SqlCampaignGateStore>();
        services.AddSingleton<CampaignPlanner>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<ContactImport>();
        services.AddSingleton<CampaignSendGate>();
        services.AddSingleton<IOutboxGate>(sp => sp.GetRequiredService<CampaignSendGate>());
        services.AddSingleton<IKeywordHandler, CampaignKeywords>();
        services.AddSingleton<HealthBot.Safety.IPregnancyMessages, PregnancyMessages>();
        services.AddTransient<CampaignJobs>();
        services.AddSingleton<PlanTrigger>();

        // Our own storage instance, registered before AddHangfire, so each host has its own (Hangfire's default is a static).
        services.AddSingleton<JobStorage>(sp => JobStorageFactory.Create(sp.GetRequiredService<IOptions<CampaignOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            // The process-wide activator would hold this host's container after it stops (Hangfire.AspNetCore sets
            // one per host): the job server is given this host's own (AddCampaignJobServer), nothing else uses it.
            .UseDefaultActivator()
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        return services;
    }

    /// <summary>The campaign API's bearer-token scheme and its read and write policies (see <see cref="CampaignTokenHandler"/>).</summary>
    public static IServiceCollection AddCampaignApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CampaignTokenHandler>(
            CampaignTokenHandler.SchemeName, null);
        services.AddAuthorization(CampaignTokenHandler.AddPolicies);
        return services;
    }

    /// <summary>
    /// The Hangfire server that runs planning jobs and the minutely look for due runs: only in <c>serve</c>, and only
    /// with <c>Campaigns:RunJobs</c>.
    /// </summary>
    public static IServiceCollection AddCampaignJobServer(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue($"{CampaignOptions.Section}:{nameof(CampaignOptions.RunJobs)}", true))
        {
            services.AddHangfireServer((sp, server) =>
            {
                var options = sp.GetRequiredService<IOptions<CampaignOptions>>().Value;
                server.WorkerCount = options.Workers;
                // This host's container, not the static JobActivator.Current (the last host configured in this process).
                server.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
                // Every scheduler look and heartbeat is a write to the job database even when nothing is planned (#16).
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.HeartbeatInterval = options.ServerHeartbeatInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
            services.AddHostedService<CampaignTicker>();
        }

        return services;
    }

    /// <summary>The dashboard at <c>/admin/jobs</c> and the campaign API.</summary>
    public static WebApplication MapCampaigns(this WebApplication app)
    {
        var authorization = new JobsDashboardAuthorization();
        app.UseWhen(http => http.Request.Path.StartsWithSegments(DashboardPath), branch => branch
            .Use(JobsDashboardAuthorization.SignInFirstAsync)
            .Use(JobsDashboardMarkup.WrapAsync));
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // Replaces Hangfire's default (local requests only) with staff sign-in.
            Authorization = [],
            AsyncAuthorization = [authorization],
            IsReadOnlyFunc = authorization.IsReadOnly,
            DisplayStorageConnectionString = false,
            AppPath = "/admin",
            DashboardTitle = "HealthBot jobs",
        });
        app.MapCampaignApi();
        if (app.Services.GetRequiredService<IOptions<CampaignOptions>>().Value.RunJobs)
        {
            // The minutely look for due runs is CampaignTicker's now (in the process, no job storage written when
            // nothing is due): the recurring job of earlier versions goes.
            app.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(CampaignJobs.TickJobId);
        }

        return app;
    }
}
