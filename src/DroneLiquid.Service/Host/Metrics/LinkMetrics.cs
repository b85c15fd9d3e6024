using System.Diagnostics.Metrics;
using DroneLiquid.Mavlink.Connection;

namespace DroneLiquid.Service.Host.Metrics;

/// <summary>
/// The autopilot link's statistics as System.Diagnostics.Metrics observable instruments on the meter
/// "DroneLiquid.Mavlink" (read with `dotnet-counters monitor -n droneliquid --counters DroneLiquid.Mavlink`). They
/// read the attached <see cref="MavlinkConnection"/>'s counters when collected: nothing is added to the receive path.
/// Before a connection is attached (and after it is detached) they report nothing.
/// </summary>
public sealed class LinkMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "DroneLiquid.Mavlink";

    private readonly Meter _meter;
    private MavlinkConnection? _connection;

    public LinkMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableCounter("droneliquid.mavlink.frames_received", () => Read(c => c.Statistics.FramesReceived), "{frame}", "MAVLink frames received with a good checksum");
        _meter.CreateObservableCounter("droneliquid.mavlink.bytes_received", () => Read(c => c.Statistics.BytesReceived), "By", "Bytes received from the autopilot link");
        _meter.CreateObservableCounter("droneliquid.mavlink.crc_errors", () => Read(c => c.Statistics.CrcErrors), "{frame}", "Frames dropped for a bad checksum");
        _meter.CreateObservableCounter("droneliquid.mavlink.signature_errors", () => Read(c => c.Statistics.SignatureErrors), "{frame}", "Frames dropped for a bad MAVLink 2 signature");
        _meter.CreateObservableCounter("droneliquid.mavlink.packets_lost", () => Read(c => c.Statistics.PacketsLost), "{frame}", "Frames missing from the senders' sequence numbers");
        _meter.CreateObservableCounter("droneliquid.mavlink.frames_sent", () => Read(c => c.FramesSent), "{frame}", "MAVLink frames sent to the autopilot");
        _meter.CreateObservableGauge("droneliquid.mavlink.link_up", ReadLinkUp, "{link}", "1 while the autopilot's heartbeat arrives, 0 when lost");
    }

    /// <summary>From now on the instruments report <paramref name="connection"/>.</summary>
    public void Attach(MavlinkConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Volatile.Write(ref _connection, connection);
    }

    /// <summary>The connection is closed: report nothing.</summary>
    public void Detach() => Volatile.Write(ref _connection, null);

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> Read(Func<MavlinkConnection, long> value) =>
        Volatile.Read(ref _connection) is { } c ? [new Measurement<long>(value(c))] : [];

    private IEnumerable<Measurement<int>> ReadLinkUp() =>
        Volatile.Read(ref _connection) is { } c ? [new Measurement<int>(c.LinkState == LinkState.Alive ? 1 : 0)] : [];
}
