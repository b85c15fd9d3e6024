using DroneLiquid.Mavlink.Tests.Fakes;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Tests.Transports;

public class SerialTransportTests
{
    [SkippableFact]
    public async Task BytesCrossAPseudoTerminalPair()
    {
        Skip.If(FakeSerialLine.UnavailableReason is not null, FakeSerialLine.UnavailableReason);
        using var line = FakeSerialLine.Start();
        await using var a = (SerialTransport)TransportFactory.Create($"serial://{line.EndA}:921600", TransportTesting.FastReconnect);
        await using var b = (SerialTransport)TransportFactory.Create($"serial://{line.EndB}:921600", TransportTesting.FastReconnect);
        await a.StartAsync(CancellationToken.None);
        await b.StartAsync(CancellationToken.None);

        var atB = TransportTesting.ReceiveExactlyAsync(b, 300);
        var atA = TransportTesting.ReceiveExactlyAsync(a, 3);
        await TransportTesting.WaitUntilAsync(() => a.State == TransportState.Connected && b.State == TransportState.Connected, "both ports to open");
        byte[] payload = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        Assert.True(await a.SendAsync(payload, CancellationToken.None));
        Assert.Equal(payload, (await atB).Bytes);
        Assert.True(await b.SendAsync(new byte[] { 0xFE, 0, 1 }, CancellationToken.None));
        Assert.Equal([0xFE, 0, 1], (await atA).Bytes);
    }

    [SkippableFact]
    public async Task PortIsReopenedAfterTheDeviceVanishes()
    {
        Skip.If(FakeSerialLine.UnavailableReason is not null, FakeSerialLine.UnavailableReason);
        using var line = FakeSerialLine.Start();
        await using var a = new SerialTransport("serial-a", line.EndA, 57600, TransportTesting.FastReconnect);
        await a.StartAsync(CancellationToken.None);
        var first = TransportTesting.ReceiveExactlyAsync(a, 1);
        await using (var b = new SerialTransport("serial-b", line.EndB, 57600, TransportTesting.FastReconnect))
        {
            await b.StartAsync(CancellationToken.None);
            var pump = b.ReceiveAsync(new byte[16], CancellationToken.None);
            await TransportTesting.WaitUntilAsync(() => a.State == TransportState.Connected && b.State == TransportState.Connected, "both ports to open");
            await b.SendAsync(new byte[] { 1 }, CancellationToken.None);
            Assert.Equal(1, (await first).Epoch);
            await b.StopAsync();
            await pump;
        }

        // Unplug: a's read fails, it backs off and retries until the device is back, then reads from epoch 2.
        var second = TransportTesting.ReceiveExactlyAsync(a, 1);
        line.Unplug();
        await TransportTesting.WaitUntilAsync(() => a.Counters.LinkLosses == 1, "the loss to be seen");
        line.Plug();
        await using var c = new SerialTransport("serial-c", line.EndB, 57600, TransportTesting.FastReconnect);
        await c.StartAsync(CancellationToken.None);
        var pumpC = c.ReceiveAsync(new byte[16], CancellationToken.None);
        await TransportTesting.WaitUntilAsync(() => a.State == TransportState.Connected && c.State == TransportState.Connected, () => $"both ports to reopen (a {a.State} {a.Counters.Connects}, c {c.State})");
        await c.SendAsync(new byte[] { 2 }, CancellationToken.None);
        var (bytes, epoch) = await second;
        Assert.Equal([2], bytes);
        Assert.Equal(2, epoch);
        await c.StopAsync();
        await pumpC;
    }
}
