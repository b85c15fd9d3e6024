using System.Net;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Tests.Transports;

public class UdpTransportTests
{
    [Fact]
    public async Task ServerLearnsItsPeerFromTheFirstDatagramAndRepliesThere()
    {
        await using var server = new UdpServerTransport("udpin://127.0.0.1:0", new IPEndPoint(IPAddress.Loopback, 0));
        await server.StartAsync(CancellationToken.None);
        Assert.Equal(TransportState.Connected, server.State);

        Assert.False(await server.SendAsync(new byte[] { 9 }, CancellationToken.None));
        Assert.Equal(1, server.Counters.SendsDropped);
        Assert.Null(server.PeerEndPoint);

        await using var client = new UdpClientTransport("udpout", "127.0.0.1", server.LocalEndPoint!.Port);
        await client.StartAsync(CancellationToken.None);
        Assert.True(await client.SendAsync(new byte[] { 1, 2, 3 }, CancellationToken.None));

        var (atServer, _) = await TransportTesting.ReceiveExactlyAsync(server, 3);
        Assert.Equal([1, 2, 3], atServer);
        Assert.Equal(client.LocalEndPoint, server.PeerEndPoint);

        Assert.True(await server.SendAsync(new byte[] { 4, 5 }, CancellationToken.None));
        var (atClient, _) = await TransportTesting.ReceiveExactlyAsync(client, 2);
        Assert.Equal([4, 5], atClient);
        Assert.Equal(3, client.Counters.BytesSent);
        Assert.Equal(2, client.Counters.BytesReceived);
    }

    [Fact]
    public async Task ClientSurvivesAnAbsentPeerAndStopEndsAPendingReceive()
    {
        // Nothing listens on this port: ICMP port unreachable must not end the receive loop.
        int closedPort;
        using (var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            closedPort = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        await using var client = new UdpClientTransport("udpout", "127.0.0.1", closedPort);
        await client.StartAsync(CancellationToken.None);
        var pending = client.ReceiveAsync(new byte[64], CancellationToken.None).AsTask();
        for (int i = 0; i < 3; i++)
        {
            await client.SendAsync(new byte[] { 1 }, CancellationToken.None);
            await Task.Delay(20);
        }

        Assert.False(pending.IsCompleted);
        await client.StopAsync();
        TransportRead read = await pending.WaitAsync(TransportTesting.Timeout);
        Assert.Equal(0, read.Count);
        Assert.Equal(TransportState.Stopped, client.State);
        Assert.False(await client.SendAsync(new byte[] { 1 }, CancellationToken.None));
    }

    [Fact]
    public async Task CancellingAReceiveThrowsOperationCanceled()
    {
        await using var server = new UdpServerTransport("udpin", new IPEndPoint(IPAddress.Loopback, 0));
        await server.StartAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await server.ReceiveAsync(new byte[16], cancel.Token));
    }

    [Fact]
    public async Task TheReceiveLoopHandsEachDatagramToTheCallbackUntilStopped()
    {
        await using var server = new UdpServerTransport("udpin", new IPEndPoint(IPAddress.Loopback, 0));
        await server.StartAsync(CancellationToken.None);
        await using var client = new UdpClientTransport("udpout", "127.0.0.1", server.LocalEndPoint!.Port);
        await client.StartAsync(CancellationToken.None);
        var chunks = new List<byte[]>();
        Task<long> loop = TransportReceiveLoop.RunAsync(server, new byte[2048], (bytes, epoch) =>
        {
            lock (chunks)
            {
                chunks.Add(bytes.ToArray());
            }
        }, CancellationToken.None);

        for (byte i = 1; i <= 3; i++)
        {
            await client.SendAsync(new byte[] { i, i }, CancellationToken.None);
        }

        await TransportTesting.WaitUntilAsync(() => { lock (chunks) { return chunks.Count == 3; } }, "three datagrams");
        await server.StopAsync();
        Assert.Equal(6, await loop.WaitAsync(TransportTesting.Timeout));
        Assert.Equal([[1, 1], [2, 2], [3, 3]], chunks);
    }
}
