using HealthBot.Data;
using HealthBot.Dialog;
using HealthBot.Outbox;

namespace HealthBot.Channels.WebChat;

/// <summary>Web chat replies are read by the page from the message store; handing over means marking delivered.</summary>
public sealed class WebChatSender : IChannelSender
{
    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.WebChat];

    public Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct) => Task.FromResult<SendResult>(new SendResult.Sent(null, "delivered"));
}

/// <summary>The web chat folder: the page at <c>/</c> and its API; replies are read by the page.</summary>
public sealed class WebChatProvider : IProviderFolder
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddWebChat(configuration);

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapWebChat();
}

public static class WebChatServiceCollectionExtensions
{
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebChatSessions>();
        services.AddSingleton(new ProviderRegistration(ChannelNames.WebChat, [ChannelSpec.WebChat],
            [ChannelNames.WebChat], new Dictionary<string, MessageLimit>(), Configured: true, "this service's page"));
        return services.AddSingleton<IChannelSender, WebChatSender>().AddWebChatRateLimits();
    }

    /// <summary>The web chat's rate limits; after the forwarded headers, so a client is its real address.</summary>
    public static WebApplication UseWebChatLimits(this WebApplication app)
    {
        app.UseWebChatRateLimits();
        return app;
    }
}
