using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Fakes;
using DroneLiquid.Mavlink.Tests.Transports;
using DroneLiquid.Mavlink.Tlog;

namespace DroneLiquid.Mavlink.Tests.Connection;

public class MavlinkConnectionSigningTests
{
    private static readonly MavlinkSigningKey Key = MavlinkSigningKey.FromHex(new string('a', 64));
    private static readonly MavlinkSigningKey OtherKey = MavlinkSigningKey.FromHex(new string('b', 64));

    [Fact]
    public async Task SignedLinksWithTheSameKeyDiscoverEachOther()
    {
        var (a, b) = FakeTransport.CreatePair();
        await using var companion = new MavlinkConnection(a, new MavlinkConnectionOptions { SigningKey = Key, SigningLinkId = 3 });
        await using var vehicle = new MavlinkConnection(b, VehicleOptions(Key));
        await companion.StartAsync();
        await vehicle.StartAsync();

        Assert.NotNull(await companion.WaitForAutopilotAsync(TransportTesting.Timeout));
        await TransportTesting.WaitUntilAsync(() => a.Sent.Count > 0, "our first heartbeat");
        Assert.All(a.Sent, frame => Assert.Equal(MavlinkWire.IncompatFlagSigned, frame[2]));
        Assert.True(MavlinkFrame.TryWrap(a.Sent[0], out var first, out _));
        Assert.Equal(3, first.LinkId);
        Assert.Equal(0, companion.BadFrames);
    }

    [Fact]
    public async Task FramesSignedWithAnotherKeyAreRejectedAndCounted()
    {
        var (a, b) = FakeTransport.CreatePair();
        await using var companion = new MavlinkConnection(a, new MavlinkConnectionOptions { SigningKey = Key });
        await using var impostor = new MavlinkConnection(b, VehicleOptions(OtherKey));
        await companion.StartAsync();
        await impostor.StartAsync();

        await TransportTesting.WaitUntilAsync(() => companion.BadFrames > 0, "the impostor's heartbeat to be rejected");
        Assert.Empty(companion.Vehicles);
        Assert.Equal(LinkState.NeverHeard, companion.LinkState);
        Assert.True(companion.Statistics.SignatureErrors > 0);
    }

    [Fact]
    public async Task AnAttachedTlogRecordsBothDirections()
    {
        var (a, b) = FakeTransport.CreatePair();
        var log = new MemoryStream();
        var writer = new TlogWriter(log, leaveOpen: true);
        await using (var companion = new MavlinkConnection(a))
        await using (var vehicle = new MavlinkConnection(b, VehicleOptions(null)))
        {
            companion.AttachTlog(writer);
            await companion.StartAsync();
            await vehicle.StartAsync();
            Assert.NotNull(await companion.WaitForAutopilotAsync(TransportTesting.Timeout));
            companion.AttachTlog(null);
        }

        writer.Dispose();
        log.Position = 0;
        using var reader = new TlogReader(log);
        var senders = new HashSet<(byte, byte)>();
        while (reader.TryReadNext(out var record))
        {
            Assert.True(MavlinkFrame.TryWrap(record.Frame, out var frame, out _));
            senders.Add((frame.SystemId, frame.ComponentId));
        }

        Assert.Equal(new (byte, byte)[] { (1, 1), (1, 191) }, senders.Order().ToArray());
        Assert.Equal(0, reader.SkippedBytes);
    }

    private static MavlinkConnectionOptions VehicleOptions(MavlinkSigningKey? key) => new()
    {
        SystemId = 1,
        ComponentId = 1,
        HeartbeatType = MavType.Quadrotor,
        HeartbeatAutopilot = MavAutopilot.Px4,
        SigningKey = key,
    };
}
