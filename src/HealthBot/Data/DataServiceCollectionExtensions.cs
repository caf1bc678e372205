namespace HealthBot.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<SqliteWriter>();
        services.AddSingleton<IContactStore, SqliteContactStore>();
        services.AddSingleton<IMessageStore, SqliteMessageStore>();
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<IAlertStore, SqliteAlerts>();
        services.AddSingleton<IContentVersionStore, SqliteContentStore>();
        return services;
    }

    /// <summary>
    /// Creates or upgrades the database before the host starts, so a database written by newer code stops
    /// the service with one clear message instead of failing on the first request.
    /// </summary>
    public static void MigrateDatabase(this IServiceProvider services) =>
        services.GetRequiredService<SchemaMigrator>().Migrate();

    /// <summary><see cref="MigrateDatabase"/>, printing the reason and returning false when the database cannot be used.</summary>
    public static bool TryMigrateDatabase(this IServiceProvider services)
    {
        try
        {
            services.MigrateDatabase();
            return true;
        }
        catch (SchemaTooNewException ex)
        {
            Console.Error.WriteLine($"healthbot: {ex.Message}");
            return false;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            Console.Error.WriteLine($"healthbot: cannot open the database: {ex.Message}");
            return false;
        }
    }
}
