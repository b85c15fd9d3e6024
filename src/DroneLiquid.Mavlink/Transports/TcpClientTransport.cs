using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Mavlink.Transports;

/// <summary><c>tcpout://HOST:PORT</c>: connects to a TCP server (ArduPilot SITL serves 5760) and reconnects with backoff.</summary>
public sealed class TcpClientTransport : StreamTransport
{
    private readonly string _host;
    private readonly int _port;

    /// <summary>Creates the transport; nothing connects before the receive loop runs.</summary>
    public TcpClientTransport(string name, string host, int port, TransportOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(name, options, timeProvider, logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        _host = host;
        _port = port;
    }

    /// <inheritdoc />
    protected override async ValueTask<OpenedStream> OpenAsync(CancellationToken cancellationToken)
    {
        IPAddress[] addresses = IPAddress.TryParse(_host, out var address)
            ? [address]
            : await Dns.GetHostAddressesAsync(_host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var socket = new Socket(addresses[0].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.ConnectTimeout);
            await socket.ConnectAsync(addresses, _port, timeout.Token).ConfigureAwait(false);
            return new OpenedStream(new NetworkStream(socket, ownsSocket: true), socket);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"no answer from {_host}:{_port} within {Options.ConnectTimeout.TotalSeconds:0.#} s");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
