using System.Collections.Concurrent;
using HealthBot.Channels;
using HealthBot.Data;
using HealthBot.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthBot.Tests.Channels.Pigeon;

/// <summary>
/// A whole provider in one folder, as src/HealthBot/Channels/README.md says to write one: a channel of its own
/// ("pigeon", 300 characters a note), a sender, a webhook that only translates, and its registration. Nothing
/// outside this folder names it.
/// </summary>
public sealed class PigeonProvider : IProviderFolder
{
    public const string Name = "pigeon";
    public const int NoteChars = 300;

    public static readonly ChannelSpec Channel = new(
        Name, TextEncoding.Unicode, TextFormatting.Plain, MaxChars: 4000, MaxParts: 3, UseWebBody: false,
        Campaigns: true);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PigeonLoft>();
        services.AddSingleton<IChannelSender, PigeonSender>();
        services.AddSingleton(new ProviderRegistration(Name, [Channel], [Name],
            new Dictionary<string, MessageLimit> { [Name] = new(MaxChars: NoteChars) }, Configured: true, "the loft"));
    }

    public void MapEndpoints(IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/pigeon/notes", async (PigeonNote note, InboundReceiver receiver, HttpContext http) =>
        {
            var record = await receiver.ReceiveAsync(Name, Name, note.From, note.Text, note.Id, http.RequestAborted);
            return Results.Ok(new { id = record.MessageId, duplicate = record.Duplicate });
        }).DisableAntiforgery();
}

public sealed record PigeonNote(string Id, string From, string Text);

/// <summary>The notes the pigeons carried out, by address.</summary>
public sealed class PigeonLoft
{
    public ConcurrentQueue<(string To, string Text)> Sent { get; } = new();
}

public sealed class PigeonSender(PigeonLoft loft) : IChannelSender
{
    public IReadOnlyCollection<string> Channels { get; } = [PigeonProvider.Name];

    public Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct)
    {
        loft.Sent.Enqueue((item.To, item.Body));
        return Task.FromResult<SendResult>(new SendResult.Sent($"pigeon-{item.MessageId}", "delivered"));
    }
}
