using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Service.Host.Loopback;

/// <summary>
/// The service's end of the loopback link, watched by the simulator: <see cref="Idle"/> is true while the
/// connection's receive loop is waiting for bytes and none are queued, i.e. everything the emulator sent has been
/// handled (telemetry updated, heartbeats seen). The simulator lets that happen before time moves on, so a busy
/// machine does not make telemetry look stale or the heartbeat lost in simulated time.
/// </summary>
/// <param name="peerBytesSent">The emulator's bytes sent so far: on a stream (TCP) the bytes still in the kernel are
/// invisible here, so the end is idle only once it has received as many as the peer sent.</param>
internal sealed class LinkTap(ITransport inner, Func<long> peerBytesSent) : ForwardingTransport(inner)
{
    private volatile bool _waiting;

    public bool Idle => _waiting && (Inner is UdpTransportBase udp ? udp.AvailableBytes == 0 : Inner.Counters.BytesReceived >= peerBytesSent());

    public override async ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _waiting = true;
        try
        {
            return await Inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _waiting = false;
        }
    }
}
