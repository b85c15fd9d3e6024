using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Mavlink.Transports;

/// <summary>
/// <c>tcpin://BIND_IP:PORT</c>: listens and serves one client at a time; when the client goes, the next one
/// accepted gets a fresh epoch (and so a fresh parser).
/// </summary>
public sealed class TcpServerTransport : StreamTransport
{
    private readonly IPEndPoint _bind;
    private Socket? _listener;

    /// <summary>Creates the transport; <see cref="StartAsync"/> binds and listens.</summary>
    public TcpServerTransport(string name, IPEndPoint bind, TransportOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(name, options, timeProvider, logger)
    {
        _bind = bind;
    }

    /// <summary>The bound address (with the real port when the string asked for port 0).</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint as IPEndPoint;

    /// <inheritdoc />
    public override ValueTask StartAsync(CancellationToken cancellationToken)
    {
        var listener = new Socket(_bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(_bind);
            listener.Listen(1);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override ValueTask StopAsync()
    {
        _listener?.Dispose();
        return base.StopAsync();
    }

    /// <inheritdoc />
    protected override async ValueTask<OpenedStream> OpenAsync(CancellationToken cancellationToken)
    {
        Socket listener = _listener ?? throw new InvalidOperationException($"{Name}: StartAsync was not called");
        Socket client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
        client.NoDelay = true;
        return new OpenedStream(new NetworkStream(client, ownsSocket: true), client);
    }
}
