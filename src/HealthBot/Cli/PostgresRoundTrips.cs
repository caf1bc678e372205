using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HealthBot.Cli;

/// <summary>
/// A relay on loopback between a benchmark and its PostgreSQL server that counts round trips: every request the client
/// waits for ends with the server's ReadyForQuery message ('Z'), one per simple query or extended-protocol Sync
/// (https://www.postgresql.org/docs/current/protocol-flow.html). That includes what no command counter sees: the
/// COMMIT of a transaction, a connection's start-up. TLS and GSS encryption are turned off on the relayed connection
/// string so that the messages can be read.
/// </summary>
internal sealed class PostgresRoundTrips : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> relays = [];
    private readonly string host;
    private readonly int port;
    private readonly Task accepting;
    private long count;

    private PostgresRoundTrips(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        (host, port) = (builder.Host ?? "127.0.0.1", builder.Port);
        listener.Start();
        builder.Host = "127.0.0.1";
        builder.Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        builder.SslMode = SslMode.Disable;
        builder.GssEncryptionMode = GssEncryptionMode.Disable;
        ConnectionString = builder.ConnectionString;
        accepting = AcceptAsync();
    }

    /// <summary>The connection string that goes through the relay.</summary>
    public string ConnectionString { get; }

    /// <summary>Round trips so far, over all connections.</summary>
    public long Count => Interlocked.Read(ref count);

    public static PostgresRoundTrips Start(string connectionString) => new(connectionString);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await Task.WhenAll([accepting, .. relays]).ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (relays)
            {
                relays.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient { NoDelay = true })
        {
            client.NoDelay = true;
            await server.ConnectAsync(host, port, stop.Token);
            var up = client.GetStream().CopyToAsync(server.GetStream(), stop.Token);
            var down = CountingCopyAsync(server.GetStream(), client.GetStream());
            await Task.WhenAny(up, down).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Copies the server's messages (type byte, 4-byte length including itself, body), counting 'Z's.
    /// </summary>
    private async Task CountingCopyAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[64 * 1024];
        var header = new byte[5];
        var (inHeader, remaining) = (0, 0L);
        int read;
        while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
        {
            for (var i = 0; i < read;)
            {
                if (remaining > 0)
                {
                    var skip = (int)Math.Min(remaining, read - i);
                    (i, remaining) = (i + skip, remaining - skip);
                    continue;
                }

                header[inHeader++] = buffer[i++];
                if (inHeader == 5)
                {
                    if (header[0] == (byte)'Z')
                    {
                        Interlocked.Increment(ref count);
                    }

                    remaining = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1)) - 4;
                    inHeader = 0;
                }
            }

            await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
        }
    }
}
