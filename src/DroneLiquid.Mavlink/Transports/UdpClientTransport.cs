using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Mavlink.Transports;

/// <summary>
/// <c>udpout://HOST:PORT</c>: sends to a fixed address from an ephemeral local port and reads what comes back
/// to that port. A peer that is not up yet only costs dropped datagrams.
/// </summary>
public sealed class UdpClientTransport : UdpTransportBase
{
    private readonly string _host;
    private readonly int _port;

    /// <summary>Creates the transport; <see cref="UdpTransportBase.StartAsync"/> resolves and connects the socket.</summary>
    public UdpClientTransport(string name, string host, int port, ILogger? logger = null)
        : base(name, logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        _host = host;
        _port = port;
    }

    /// <summary>The local address datagrams are sent from.</summary>
    public IPEndPoint? LocalEndPoint => Socket?.LocalEndPoint as IPEndPoint;

    /// <inheritdoc />
    protected override Socket OpenSocket()
    {
        IPAddress address = IPAddress.TryParse(_host, out var parsed)
            ? parsed
            : Dns.GetHostAddresses(_host).FirstOrDefault()
              ?? throw new SocketException((int)SocketError.HostNotFound);
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Connect(new IPEndPoint(address, _port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override ValueTask<int> SendCoreAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        socket.SendAsync(bytes, SocketFlags.None, cancellationToken);

    /// <inheritdoc />
    protected override ValueTask<int> ReceiveCoreAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken) =>
        socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
}
