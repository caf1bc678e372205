using HealthBot.Dialog;
using HealthBot.Operability;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HealthBot.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// The optional local model. With <c>Llm:ModelPath</c> empty nothing changes: the curated phraser stays and
    /// <c>/readyz</c> reports the model off.
    /// </summary>
    public static IServiceCollection AddLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LlmMetrics>();
        services.AddSingleton<LlamaModel>();
        services.AddSingleton<ILocalModel>(sp => sp.GetRequiredService<LlamaModel>());
        services.AddSingleton<IModelStatus>(sp => sp.GetRequiredService<LlamaModel>());
        services.AddSingleton(sp => new ModelGate(sp.GetRequiredService<IOptions<LlmOptions>>().Value.MaxConcurrent, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GroundednessCheck>();
        services.AddSingleton<PromptLibrary>();
        services.AddSingleton<ModelStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelStartup>());
        // Decided when first resolved, so the path may come from any configuration source, tests' included.
        services.Replace(ServiceDescriptor.Singleton<IAnswerPhraser>(sp =>
            sp.GetRequiredService<IOptions<LlmOptions>>().Value.ModelPath.Length == 0
                ? new CuratedAnswerPhraser()
                : ActivatorUtilities.CreateInstance<ModelAnswerPhraser>(sp)));
        return services;
    }

    /// <summary>
    /// Loads the configured model for a one-shot command (those hosts are never started). Returns false, having
    /// printed why, when a required model cannot be loaded; an optional one leaves the command on curated answers.
    /// </summary>
    public static bool TryLoadModel(this IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<ModelStartup>().Load();
            return true;
        }
        catch (ModelLoadException ex)
        {
            Console.Error.WriteLine($"healthbot: {ex.Message}");
            return false;
        }
    }
}

/// <summary>
/// Loads the model when the service starts. A required model that fails stops the start with its one clear error;
/// an optional one is logged once and the service answers with curated text.
/// </summary>
public sealed class ModelStartup(LlamaModel model, IOptions<LlmOptions> options, ILogger<ModelStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Load();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Load()
    {
        if (model.State != ModelStates.NotLoaded)
        {
            return;
        }

        try
        {
            model.Load();
        }
        catch (ModelLoadException ex) when (options.Value.Optional)
        {
            logger.LogError("{Error} The model is optional (Llm:Optional): answering with curated text only.", ex.Message);
        }
    }
}
