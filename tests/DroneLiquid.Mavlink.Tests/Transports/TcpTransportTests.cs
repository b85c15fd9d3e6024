using System.Net;
using System.Net.Sockets;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Tests.Transports;

public class TcpTransportTests
{
    [Fact]
    public async Task ClientAndServerExchangeBytes()
    {
        await using var server = new TcpServerTransport("tcpin", new IPEndPoint(IPAddress.Loopback, 0), TransportTesting.FastReconnect);
        await server.StartAsync(CancellationToken.None);
        await using var client = new TcpClientTransport("tcpout", "127.0.0.1", server.LocalEndPoint!.Port, TransportTesting.FastReconnect);
        await client.StartAsync(CancellationToken.None);

        var atServer = TransportTesting.ReceiveExactlyAsync(server, 4);
        var atClient = TransportTesting.ReceiveExactlyAsync(client, 2);
        await TransportTesting.WaitUntilAsync(() => client.State == TransportState.Connected, "the client to connect");
        Assert.True(await client.SendAsync(new byte[] { 0xFD, 1, 2, 3 }, CancellationToken.None));
        Assert.Equal([0xFD, 1, 2, 3], (await atServer).Bytes);
        Assert.True(await server.SendAsync(new byte[] { 7, 8 }, CancellationToken.None));
        var (bytes, epoch) = await atClient;
        Assert.Equal([7, 8], bytes);
        Assert.Equal(1, epoch);
    }

    [Fact]
    public async Task ServerCountsTheBytesStillInTheKernelUntilTheyAreRead()
    {
        await using var server = new TcpServerTransport("tcpin", new IPEndPoint(IPAddress.Loopback, 0), TransportTesting.FastReconnect);
        await server.StartAsync(CancellationToken.None);
        Assert.Equal(0, server.AvailableBytes); // nothing open yet

        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await peer.ConnectAsync(server.LocalEndPoint!);
        peer.Send([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

        // A 4-byte read opens the accepted stream and leaves the other 6 bytes waiting in the kernel.
        var buffer = new byte[4];
        using var timeout = new CancellationTokenSource(TransportTesting.Timeout);
        int read = 0;
        while (read < 4)
        {
            read += (await server.ReceiveAsync(buffer.AsMemory(read), timeout.Token)).Count;
        }

        await TransportTesting.WaitUntilAsync(() => server.AvailableBytes == 6, () => $"6 bytes waiting (saw {server.AvailableBytes})");
        Assert.Equal(6, (await TransportTesting.ReceiveExactlyAsync(server, 6)).Bytes.Length);
        Assert.Equal(0, server.AvailableBytes);
    }

    [Fact]
    public async Task ClientReconnectsAfterLossWithANewEpoch()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var client = new TcpClientTransport("tcpout", "127.0.0.1", port, TransportTesting.FastReconnect);
        var states = new List<TransportState>();
        client.StateChanged += (_, state) => { lock (states) { states.Add(state); } };
        await client.StartAsync(CancellationToken.None);

        var first = TransportTesting.ReceiveExactlyAsync(client, 1);
        using (Socket peer = await listener.AcceptSocketAsync().WaitAsync(TransportTesting.Timeout))
        {
            peer.Send([1]);
            Assert.Equal(1, (await first).Epoch);
        }

        // The peer closed: the next receive sees the loss, backs off, reconnects and reads from connection 2.
        var second = TransportTesting.ReceiveExactlyAsync(client, 1);
        using (Socket peer = await listener.AcceptSocketAsync().WaitAsync(TransportTesting.Timeout))
        {
            peer.Send([2]);
            var (bytes, epoch) = await second;
            Assert.Equal([2], bytes);
            Assert.Equal(2, epoch);
        }

        Assert.Equal(2, client.Counters.Connects);
        Assert.Equal(1, client.Counters.LinkLosses);
        lock (states)
        {
            Assert.Contains(TransportState.Disconnected, states);
            Assert.Equal(TransportState.Connected, states[^1]);
        }
    }

    [Fact]
    public async Task ClientKeepsTryingUntilTheServerAppears()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var client = new TcpClientTransport("tcpout", "127.0.0.1", port, TransportTesting.FastReconnect);
        await client.StartAsync(CancellationToken.None);
        var receive = TransportTesting.ReceiveExactlyAsync(client, 1);
        Assert.False(await client.SendAsync(new byte[] { 1 }, CancellationToken.None));
        await Task.Delay(150);
        Assert.Equal(TransportState.Connecting, client.State);

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        using Socket peer = await listener.AcceptSocketAsync().WaitAsync(TransportTesting.Timeout);
        peer.Send([42]);
        Assert.Equal([42], (await receive).Bytes);
        Assert.Equal(0, client.Counters.LinkLosses);
    }

    [Fact]
    public async Task ServerAcceptsTheNextClientAfterTheFirstLeaves()
    {
        await using var server = new TcpServerTransport("tcpin", new IPEndPoint(IPAddress.Loopback, 0), TransportTesting.FastReconnect);
        await server.StartAsync(CancellationToken.None);
        int port = server.LocalEndPoint!.Port;

        var first = TransportTesting.ReceiveExactlyAsync(server, 1);
        using (var one = new TcpClient())
        {
            await one.ConnectAsync(IPAddress.Loopback, port);
            one.GetStream().Write([1]);
            Assert.Equal(1, (await first).Epoch);
        }

        var second = TransportTesting.ReceiveExactlyAsync(server, 1);
        using var two = new TcpClient();
        await two.ConnectAsync(IPAddress.Loopback, port);
        two.GetStream().Write([2]);
        var (bytes, epoch) = await second;
        Assert.Equal([2], bytes);
        Assert.Equal(2, epoch);
    }
}
