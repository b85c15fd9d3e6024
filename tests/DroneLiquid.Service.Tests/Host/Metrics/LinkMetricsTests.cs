using System.Net;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Service.Host.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace DroneLiquid.Service.Tests.Host.Metrics;

public sealed class LinkMetricsTests
{
    [Fact]
    public async Task Link_counters_report_the_attached_connection_and_nothing_once_detached()
    {
        using var metrics = new LinkMetrics();
        using var frames = new MetricCollector<long>(null, LinkMetrics.MeterName, "droneliquid.mavlink.frames_received");
        using var sent = new MetricCollector<long>(null, LinkMetrics.MeterName, "droneliquid.mavlink.frames_sent");
        using var up = new MetricCollector<int>(null, LinkMetrics.MeterName, "droneliquid.mavlink.link_up");

        var serverTransport = new UdpServerTransport("metrics test", new IPEndPoint(IPAddress.Loopback, 0));
        await using var companion = new MavlinkConnection(serverTransport, new MavlinkConnectionOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        await companion.StartAsync();
        int port = serverTransport.LocalEndPoint!.Port;
        await using var autopilot = new MavlinkConnection(new UdpClientTransport("autopilot", "127.0.0.1", port),
            new MavlinkConnectionOptions { SystemId = 1, ComponentId = 1, HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        await autopilot.StartAsync();

        frames.RecordObservableInstruments();
        Assert.Empty(frames.GetMeasurementSnapshot());

        metrics.Attach(companion);
        Assert.True(SpinWait.SpinUntil(() => companion.Statistics.FramesReceived >= 3 && companion.FramesSent >= 1, TimeSpan.FromSeconds(20)));
        frames.RecordObservableInstruments();
        sent.RecordObservableInstruments();
        up.RecordObservableInstruments();
        Assert.True(frames.LastMeasurement!.Value >= 3);
        Assert.True(sent.LastMeasurement!.Value >= 1);
        Assert.Equal(1, up.LastMeasurement!.Value);

        metrics.Detach();
        frames.Clear();
        frames.RecordObservableInstruments();
        Assert.Empty(frames.GetMeasurementSnapshot());
    }
}
