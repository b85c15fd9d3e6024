using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Benchmarks.FirmwareBridge;

/// <summary>
/// A real transport until <see cref="Detach"/>, then a sink that accepts every send at once: the adapter reaches
/// velocity control through the real dialogue, and the measurement afterwards times the adapter and the encoder, not
/// the loopback socket (the MavlinkLink suite times the connection's send path on its own).
/// </summary>
internal sealed class DetachableTransport(ITransport inner) : ITransport
{
    private volatile bool _detached;

    public string Name => inner.Name;

    public TransportState State => inner.State;

    public TransportCounters Counters => inner.Counters;

    public event Action<ITransport, TransportState>? StateChanged
    {
        add => inner.StateChanged += value;
        remove => inner.StateChanged -= value;
    }

    public void Detach() => _detached = true;

    public ValueTask StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public ValueTask StopAsync() => inner.StopAsync();

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        _detached ? ValueTask.FromResult(true) : inner.SendAsync(bytes, cancellationToken);

    public ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) => inner.ReceiveAsync(buffer, cancellationToken);
}
