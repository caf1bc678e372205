using HealthBot.Content;
using HealthBot.Data;
using HealthBot.Dialog.Memory;
using HealthBot.Grounding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HealthBot.Dialog;

public static class DialogServiceCollectionExtensions
{
    public static IServiceCollection AddDialog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DialogOptions>().Bind(configuration.GetSection(DialogOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Feedback.ReplyWindow > TimeSpan.Zero, "Dialog:Feedback:ReplyWindow must be positive").ValidateOnStart();
        services.AddSingleton<IValidateOptions<DialogOptions>, DialogOptionsValidator>();
        services.AddSingleton<InboundSignal>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ILanguageDetector, ContentLanguageDetector>();
        services.AddSingleton<IRetriever>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DialogOptions>>().Value;
            return new LexicalRetriever(
                sp.GetRequiredService<ContentCatalog>(), o.MinConfidence, o.ClearWinnerConfidence, o.ClearWinnerMargin,
                o.OnTopicConfidence);
        });
        services.AddSingleton<IAnswerPhraser, CuratedAnswerPhraser>();
        services.TryAddSingleton<IHandoffState, NoHandoff>();
        services.AddSingleton<IContactStore, SqlContactStore>();
        services.AddSingleton<IMessageStore, SqlMessageStore>();
        services.AddSingleton<SqlFeedbackStore>();
        services.AddSingleton<IAnswerFeedbackStore>(sp => sp.GetRequiredService<SqlFeedbackStore>());
        services.AddSingleton<AnswerFeedback>();
        services.AddSingleton<StopCheckHistory>();
        services.AddSingleton<IConversationStore, SqlConversationStore>();
        services.AddSingleton<ConversationContext>();
        services.AddSingleton<DialogEngine>();
        services.AddSingleton<DialogProcessor>();
        return services;
    }

    /// <summary>The background answering loop: only for the web host, not for one-shot commands.</summary>
    public static IServiceCollection AddDialogWorker(this IServiceCollection services) => services.AddHostedService<DialogWorker>();
}
