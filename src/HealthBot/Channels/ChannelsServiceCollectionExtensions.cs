using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HealthBot.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// Every provider folder (an <see cref="IProviderFolder"/> class in this assembly) registers itself; which one
    /// sends a channel is configuration.
    /// </summary>
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChannelsOptions>().Bind(configuration.GetSection(ChannelsOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<ChannelsOptions>, ChannelsOptionsCheck>());
        services.TryAddSingleton<InboundReceiver>();
        services.TryAddSingleton<ProviderMonitor>();
        services.TryAddSingleton<ChannelRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Data.IDataUpgrade, ContactAddressUpgrade>());
        foreach (var folder in ProviderFolders())
        {
            services.AddProviderFolder(folder, configuration);
        }

        return services;
    }

    /// <summary>Adds one provider folder; <see cref="AddChannels"/> calls it for each folder it finds.</summary>
    public static IServiceCollection AddProviderFolder(
        this IServiceCollection services, IProviderFolder folder, IConfiguration configuration)
    {
        folder.AddServices(services, configuration);
        return services.AddSingleton(folder);
    }

    /// <summary>Maps every provider folder's webhooks.</summary>
    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        foreach (var folder in app.ServiceProvider.GetServices<IProviderFolder>())
        {
            folder.MapEndpoints(app);
        }

        return app;
    }

    /// <summary>The health probes run only in the web service, not in one-shot commands.</summary>
    public static IServiceCollection AddProviderMonitor(this IServiceCollection services) =>
        services.AddHostedService<ProviderMonitorWorker>();

    private static IEnumerable<IProviderFolder> ProviderFolders() =>
        typeof(IProviderFolder).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProviderFolder).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IProviderFolder)Activator.CreateInstance(t)!);
}
