using System.Net;
using System.Net.Sockets;
using DroneLiquid.Mavlink.Connection;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Mavlink.Transports;

/// <summary>
/// <c>udpin://BIND_IP:PORT</c>: binds and waits. The sender of the first datagram becomes the peer and every
/// send goes there (PX4 streams to 14540 before it hears from anyone, and accepts replies to its source port).
/// Until then, sends are dropped and counted, or go to <c>initialPeer</c> when one is given (the way PX4 SITL's
/// onboard link streams to 127.0.0.1:14540 before anyone has spoken to it).
/// </summary>
public sealed class UdpServerTransport : UdpTransportBase
{
    private readonly IPEndPoint _bind;
    private readonly SocketAddress _receivedFrom;
    private SocketAddress? _peer;
    private bool _learned;

    /// <summary>Creates the transport; <see cref="UdpTransportBase.StartAsync"/> binds.</summary>
    /// <param name="initialPeer">Where to send before the first datagram arrives; null drops those sends.</param>
    public UdpServerTransport(string name, IPEndPoint bind, ILogger? logger = null, IPEndPoint? initialPeer = null)
        : base(name, logger)
    {
        _bind = bind;
        _receivedFrom = new SocketAddress(bind.AddressFamily);
        _peer = initialPeer?.Serialize();
    }

    /// <summary>The bound address (with the real port when the string asked for port 0).</summary>
    public IPEndPoint? LocalEndPoint => Socket?.LocalEndPoint as IPEndPoint;

    /// <summary>The learned peer, or null before the first datagram.</summary>
    public IPEndPoint? PeerEndPoint
    {
        get
        {
            SocketAddress? peer = Volatile.Read(ref _peer);
            return peer is null ? null : (IPEndPoint)_bind.Create(peer);
        }
    }

    /// <inheritdoc />
    protected override Socket OpenSocket()
    {
        var socket = new Socket(_bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(_bind);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override ValueTask<int> SendCoreAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        SocketAddress? peer = Volatile.Read(ref _peer);
        return peer is null ? ValueTask.FromResult(-1) : socket.SendToAsync(bytes, SocketFlags.None, peer, cancellationToken);
    }

    /// <inheritdoc />
    protected override async ValueTask<int> ReceiveCoreAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int count = await socket.ReceiveFromAsync(buffer, SocketFlags.None, _receivedFrom, cancellationToken).ConfigureAwait(false);
        if (!_learned && count > 0)
        {
            _learned = true;
            var peer = new SocketAddress(_receivedFrom.Family, _receivedFrom.Size);
            _receivedFrom.Buffer.Span[.._receivedFrom.Size].CopyTo(peer.Buffer.Span);
            Volatile.Write(ref _peer, peer);
            Logger.UdpPeerLearned(Name, _bind.Create(peer).ToString() ?? "?");
        }

        return count;
    }
}
