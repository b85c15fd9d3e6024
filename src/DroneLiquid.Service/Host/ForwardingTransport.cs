using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Service.Host;

/// <summary>A transport that hands everything to another one; decorators override what they watch.</summary>
internal abstract class ForwardingTransport(ITransport inner) : ITransport
{
    protected ITransport Inner => inner;

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

    public virtual ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => inner.SendAsync(bytes, cancellationToken);

    public virtual ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) => inner.ReceiveAsync(buffer, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
