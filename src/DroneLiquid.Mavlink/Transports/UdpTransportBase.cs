using System.Net.Sockets;
using DroneLiquid.Mavlink.Connection;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Mavlink.Transports;

/// <summary>What the two UDP transports share: one socket, state, counters and the stop handling.</summary>
public abstract class UdpTransportBase : TransportBase
{
    /// <summary>Creates the transport.</summary>
    protected UdpTransportBase(string name, ILogger? logger)
        : base(name, logger)
    {
    }

    /// <summary>The socket, once started.</summary>
    protected Socket? Socket { get; private set; }

    /// <summary>Bytes the socket has received and nobody has read yet (0 before start or after stop).</summary>
    public int AvailableBytes
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

    /// <inheritdoc />
    public override ValueTask StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(State == TransportState.Stopped, this);
        Socket = OpenSocket();
        Counters.AddConnect();
        SetState(TransportState.Connected);
        Logger.TransportConnected(Name, 1);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask StopAsync()
    {
        if (State != TransportState.Stopped)
        {
            SetState(TransportState.Stopped);
            Socket?.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Socket? socket = Socket;
        if (socket is null || State == TransportState.Stopped)
        {
            Counters.AddDroppedSend();
            return false;
        }

        try
        {
            int sent = await SendCoreAsync(socket, bytes, cancellationToken).ConfigureAwait(false);
            if (sent < 0)
            {
                Counters.AddDroppedSend();
                return false;
            }

            Counters.AddSent(sent);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            // A UDP send fails for a moment (no route, ICMP unreachable from an earlier datagram): drop, go on.
            Counters.AddDroppedSend();
            Logger.TransportSendFailed(Name, ex.Message);
            return false;
        }
    }

    /// <inheritdoc />
    public override async ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            Socket? socket = Socket;
            if (socket is null || State == TransportState.Stopped)
            {
                return new TransportRead(0, 1);
            }

            int count;
            try
            {
                count = await ReceiveCoreAsync(socket, buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException) when (State == TransportState.Stopped)
            {
                return new TransportRead(0, 1);
            }
            catch (SocketException ex) when (IsTransient(ex.SocketErrorCode) && !cancellationToken.IsCancellationRequested)
            {
                // ICMP port unreachable surfaces as ConnectionRefused on the next receive; the peer may come up later.
                continue;
            }

            if (count > 0)
            {
                Counters.AddReceived(count);
                return new TransportRead(count, 1);
            }
        }
    }

    /// <summary>Creates and binds (or connects) the socket.</summary>
    protected abstract Socket OpenSocket();

    /// <summary>Sends one datagram; returns the bytes sent, or -1 when there is nowhere to send yet.</summary>
    protected abstract ValueTask<int> SendCoreAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>Receives one datagram into <paramref name="buffer"/>.</summary>
    protected abstract ValueTask<int> ReceiveCoreAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken);

    private static bool IsTransient(SocketError error) =>
        error is SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.MessageSize
            or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.OperationAborted;
}
