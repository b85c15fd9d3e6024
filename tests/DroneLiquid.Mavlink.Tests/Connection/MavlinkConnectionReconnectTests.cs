using System.Net;
using System.Net.Sockets;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Tests.Transports;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Tests.Connection;

public class MavlinkConnectionReconnectTests
{
    [Fact]
    public async Task ATcpLinkReconnectsWithAFreshParserAndOtherLinksAreUntouched()
    {
        await using var other = await Loopback.UdpAsync();
        await other.WaitForAutopilotAsync();

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var transport = new TcpClientTransport("tcpout", "127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, TransportTesting.FastReconnect);
        await using var companion = new MavlinkConnection(transport);
        await companion.StartAsync();

        // The first connection dies in the middle of a heartbeat.
        using (Socket first = await listener.AcceptSocketAsync().WaitAsync(TransportTesting.Timeout))
        {
            first.Send(FrameBuilder.Heartbeat().AsSpan(0, 9));
            await TransportTesting.WaitUntilAsync(() => companion.Statistics.BytesReceived == 9, "the half frame");
        }

        // The transport reconnects with backoff; the new stream starts clean.
        using Socket second = await listener.AcceptSocketAsync().WaitAsync(TransportTesting.Timeout);
        second.Send(FrameBuilder.Heartbeat());
        VehicleInfo? vehicle = await companion.WaitForAutopilotAsync(TransportTesting.Timeout);
        Assert.NotNull(vehicle);
        Assert.Equal(0, companion.BadFrames);
        Assert.Equal(1, transport.Counters.LinkLosses);
        Assert.Equal(2, transport.Counters.Connects);

        long otherBad = other.Companion.BadFrames;
        Assert.Equal(0, otherBad);
        Assert.Equal(LinkState.Alive, other.Companion.LinkState);
    }
}
