using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Service.Host.Loopback;

/// <summary>
/// The service's end of the loopback link, watched by the simulator: <see cref="Idle"/> is true while the
/// connection's receive loop is waiting for bytes and none are queued, i.e. everything the emulator sent has been
/// handled (telemetry updated, heartbeats seen). The simulator lets that happen before time moves on, so a busy
/// machine does not make telemetry look stale or the heartbeat lost in simulated time.
/// </summary>
internal sealed class LinkTap(ITransport inner) : ITransport
{
    private volatile bool _waiting;

    public bool Idle => _waiting && (inner is not UdpTransportBase udp || udp.AvailableBytes == 0);

    public string Name => inner.Name;

    public TransportState State => inner.State;

    public TransportCounters Counters => inner.Counters;

    public event Action<ITransport, TransportState>? StateChanged
    {
        add => inner.StateChanged += value;
        remove => inner.StateChanged -= value;
    }

    public ValueTask StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public ValueTask StopAsync() => inner.StopAsync();

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => inner.SendAsync(bytes, cancellationToken);

    public async ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _waiting = true;
        try
        {
            return await inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _waiting = false;
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
