using System.Net;
using System.Net.Sockets;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Sim.Autopilot.Link;

/// <summary>
/// PX4 SITL's onboard link: binds a local port (14580) and streams to a fixed peer (127.0.0.1:14540) before it
/// hears from anyone; once a datagram arrives, replies go to its sender (PX4 accepted replies from the client's
/// bound port).
/// </summary>
public sealed class SitlUdpTransport : UdpTransportBase
{
    private readonly IPEndPoint _bind;
    private readonly SocketAddress _receivedFrom;
    private SocketAddress _peer;
    private bool _learned;

    public SitlUdpTransport(IPEndPoint bind, IPEndPoint initialPeer)
        : base($"udp {bind} -> {initialPeer}", null)
    {
        _bind = bind;
        _peer = initialPeer.Serialize();
        _receivedFrom = new SocketAddress(bind.AddressFamily);
    }

    /// <summary>The bound address (the real port when 0 was asked for).</summary>
    public IPEndPoint? LocalEndPoint => Socket?.LocalEndPoint as IPEndPoint;

    /// <summary>Bytes received by the socket and not read yet (0 before start or after stop).</summary>
    public int Available
    {
        get
        {
            try
            {
                return Socket?.Available ?? 0;
            }
            catch (ObjectDisposedException)
            {
                return 0;
            }
        }
    }

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

    protected override ValueTask<int> SendCoreAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        socket.SendToAsync(bytes, SocketFlags.None, Volatile.Read(ref _peer), cancellationToken);

    protected override async ValueTask<int> ReceiveCoreAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int count = await socket.ReceiveFromAsync(buffer, SocketFlags.None, _receivedFrom, cancellationToken).ConfigureAwait(false);
        if (!_learned && count > 0)
        {
            var peer = new SocketAddress(_receivedFrom.Family, _receivedFrom.Size);
            _receivedFrom.Buffer.Span[.._receivedFrom.Size].CopyTo(peer.Buffer.Span);
            Volatile.Write(ref _peer, peer);
            _learned = true;
        }

        return count;
    }
}
