namespace HealthBot.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o => o.PostgresConnection = o.PostgresConnection.Length > 0
                ? o.PostgresConnection
                : Environment.GetEnvironmentVariable(StorageOptions.PostgresVariable) ?? string.Empty)
            .ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetValue<string>($"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}") == "postgres")
        {
            services.AddSingleton<PostgresDatabase>();
            services.AddSingleton<Database>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.AddSingleton<IDatabaseWriter, PostgresWriter>();
        }
        else
        {
            services.AddSingleton<SqliteDatabase>();
            services.AddSingleton<Database>(sp => sp.GetRequiredService<SqliteDatabase>());
            services.AddSingleton<SqliteWriter>();
            services.AddSingleton<IDatabaseWriter>(sp => sp.GetRequiredService<SqliteWriter>());
        }

        services.AddSingleton<SchemaMigrator>();
        return services;
    }

    /// <summary>
    /// Creates or upgrades the database before the host starts, so a database written by newer code stops
    /// the service with one clear message instead of failing on the first request.
    /// </summary>
    public static void MigrateDatabase(this IServiceProvider services)
    {
        // Resolving the options validates them first, so a missing connection string reads as that, not as a crash.
        _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
        foreach (var step in services.GetServices<IBeforeMigration>())
        {
            step.Run();
        }

        services.GetRequiredService<SchemaMigrator>().Migrate();
        // Before anything reads or writes personal data: data written under a key not configured now stops the start.
        services.GetService<HealthBot.Privacy.DataKeyCheck>()?.Verify();
        // Rewrites of encrypted data a migration marked (e.g. 0019's WhatsApp addresses), now that the keys read it.
        foreach (var upgrade in services.GetServices<IDataUpgrade>())
        {
            upgrade.RunIfPending();
        }
    }

    /// <summary>
    /// <see cref="MigrateDatabase"/>, printing the reason and returning false when the database cannot be used.
    /// </summary>
    public static bool TryMigrateDatabase(this IServiceProvider services)
    {
        try
        {
            services.MigrateDatabase();
            return true;
        }
        catch (Exception ex) when (ex is SchemaTooNewException or HealthBot.Privacy.DataKeyMismatchException
                                       or Microsoft.Extensions.Options.OptionsValidationException
                                       or DatabaseUnusableException)
        {
            Console.Error.WriteLine($"healthbot: {ex.Message}");
            return false;
        }
        catch (System.Data.Common.DbException ex)
        {
            Console.Error.WriteLine($"healthbot: cannot open the database: {ex.Message}");
            return false;
        }
    }
}
