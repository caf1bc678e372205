namespace HealthBot.Content;

public static class ContentServiceCollectionExtensions
{
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IContentVersionStore, SqlContentStore>();
        services.AddSingleton<SqlContentHistory>();
        services.AddSingleton<ContentCatalog>();
        services.AddSingleton<ContentImporter>();
        services.AddSingleton<ContentVersionRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentVersionRecorder>());
        return services;
    }

    /// <summary>Loads content before the first message can arrive, and watches for edits.</summary>
    public static void LoadContent(this IServiceProvider services, bool watch)
    {
        var catalog = services.GetRequiredService<ContentCatalog>();
        catalog.Reload();
        if (watch)
        {
            catalog.StartWatching();
        }
    }
}
