using DroneLiquid.Flight.Recorder;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Service.Host;

/// <summary>
/// Passes every frame the connection sends to the flight recorder's tlog on its way to the link (received frames
/// reach it through the connection's raw-frame handler). The recorder owns its tlog writer, so the connection's
/// AttachTlog cannot be given it; this decorator is how the sent half gets into flight.tlog.
/// </summary>
internal sealed class RecordingTransport(ITransport inner, FlightRecorder recorder) : ITransport
{
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

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        recorder.RecordMavlink(bytes.Span);
        return inner.SendAsync(bytes, cancellationToken);
    }

    public ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) => inner.ReceiveAsync(buffer, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
