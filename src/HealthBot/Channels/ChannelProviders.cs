namespace HealthBot.Channels;

/// <summary>
/// Which provider sends each channel: <c>Channels:&lt;Channel&gt;:Provider</c>, e.g. <c>Channels:Sms:Provider</c>
/// (twilio | kannel | android) and <c>Channels:WhatsApp:Provider</c> (twilio | meta). Twilio is the default, so
/// the quick start needs no setting. A deployment may receive on several providers at once; only one sends a channel.
/// </summary>
public static class ChannelProviders
{
    public const string Twilio = "twilio";
    public const string Kannel = "kannel";
    public const string Android = "android";
    public const string Meta = "meta";

    /// <summary>The provider configured to send a channel (checked by <see cref="ChannelsOptionsCheck"/>).</summary>
    public static string Chosen(IConfiguration configuration, string channel) =>
        (configuration[$"Channels:{channel}:Provider"] ?? Twilio).Trim().ToLowerInvariant();

    /// <summary>Of the channels a provider can carry, those configuration says it sends.</summary>
    public static IReadOnlyList<string> Sends(
        IConfiguration configuration, string provider, params ChannelSpec[] channels) =>
        channels.Select(c => c.Name).Where(c => Chosen(configuration, c) == provider).ToList();
}

/// <summary>
/// A provider folder's entry point, found by <see cref="ChannelsServiceCollectionExtensions.AddChannels"/> among the
/// types of the application: one class per folder under <c>Channels/</c>, so adding a provider edits nothing else.
/// </summary>
public interface IProviderFolder
{
    /// <summary>Options, sender, probe and the folder's <see cref="ProviderRegistration"/>.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>The folder's webhooks, under <c>/webhooks/&lt;provider&gt;/&lt;event&gt;</c>.</summary>
    void MapEndpoints(IEndpointRouteBuilder app);
}
