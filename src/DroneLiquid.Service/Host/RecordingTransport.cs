using DroneLiquid.Flight.Recorder;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Service.Host;

/// <summary>
/// Passes every frame the connection sends to the flight recorder's tlog on its way to the link (received frames
/// reach it through the connection's raw-frame handler). The recorder owns its tlog writer, so the connection's
/// AttachTlog cannot be given it; this decorator is how the sent half gets into flight.tlog.
/// </summary>
internal sealed class RecordingTransport(ITransport inner, FlightRecorder recorder) : ForwardingTransport(inner)
{
    public override ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        recorder.RecordMavlink(bytes.Span);
        return Inner.SendAsync(bytes, cancellationToken);
    }
}
