using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Benchmarks.MavlinkLink;

/// <summary>A transport that accepts every send at once and never receives: measures the connection, not a socket.</summary>
internal sealed class NullTransport : ITransport
{
    public string Name => "null";

    public TransportState State => TransportState.Connected;

    public TransportCounters Counters { get; } = new();

    public event Action<ITransport, TransportState>? StateChanged
    {
        add { }
        remove { }
    }

    public ValueTask StartAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask StopAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new TransportRead(0, 1));
}
