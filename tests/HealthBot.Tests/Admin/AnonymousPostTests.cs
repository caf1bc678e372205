using System.Net;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Admin;

/// <summary>A post to the workspace from someone not signed in is refused before its body is read.</summary>
public sealed class AnonymousPostTests : IAsyncLifetime
{
    private HealthBotFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new HealthBotFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("/admin/triage/en?handler=Save")]
    [InlineData("/admin/content/handwashing/en?handler=Save")]
    [InlineData("/admin/users")]
    public async Task An_anonymous_post_is_sent_to_sign_in_without_its_body_being_read(string page)
    {
        // A 3 MB form whose sender stalls after its first kilobyte: the answer comes without waiting for the rest.
        var rest = new TaskCompletionSource();
        using var body = new StalledForm(3 * 1024 * 1024, rest.Task);
        body.Headers.ContentType = new("application/x-www-form-urlencoded");
        var client = factory.Client();

        var response = await client.PostAsync(page, body).WaitAsync(TimeSpan.FromSeconds(30));
        rest.TrySetResult();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.False(body.Finished); // never sent whole: nothing waited for (or read) the rest
    }

    /// <summary>Form-encoded content that declares <c>length</c> bytes, sends 1 KB and waits for
    /// <c>rest</c> before sending the others.</summary>
    private sealed class StalledForm(int length, Task rest) : HttpContent
    {
        public bool Finished { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = "Rules="u8.ToArray().Concat(Enumerable.Repeat((byte)'a', 1024 - 6)).ToArray();
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
            await rest;
            var filler = Enumerable.Repeat((byte)'a', length - chunk.Length).ToArray();
            await stream.WriteAsync(filler);
            Finished = true;
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
