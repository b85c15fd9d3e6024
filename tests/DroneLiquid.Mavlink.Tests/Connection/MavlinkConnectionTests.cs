using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Fakes;
using DroneLiquid.Mavlink.Tests.Transports;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Mavlink.Tests.Connection;

public class MavlinkConnectionTests
{
    [Fact]
    public async Task SendsOurHeartbeatAtOneHertzFromTheClock()
    {
        var clock = new FakeTimeProvider();
        var transport = new FakeTransport();
        await using var connection = new MavlinkConnection(transport, new MavlinkConnectionOptions { SystemId = 7, ComponentId = 191 }, clock);
        await connection.StartAsync();
        Assert.Single(transport.Sent);
        clock.Advance(TimeSpan.FromSeconds(4.5));
        Assert.Equal(5, transport.Sent.Count);

        var handler = new FakeFrameHandler();
        var parser = new MavlinkParser(ArdupilotmegaDialect.Instance);
        foreach (byte[] frame in transport.Sent)
        {
            parser.Parse(frame, handler);
        }

        Assert.All(handler.Frames, f => Assert.Equal((MavlinkFrameVerdict.Ok, 0u, (byte)7, (byte)191), (f.Verdict, f.MessageId, f.SystemId, f.ComponentId)));
        Assert.Equal([0, 1, 2, 3, 4], handler.Frames.Select(f => (int)f.Sequence));
        Assert.True(MavlinkFrameOf(transport.Sent[0]).TryDecode(out HeartbeatMessage ours));
        Assert.Equal((byte)MavType.OnboardController, ours.Type);
        Assert.Equal((byte)MavAutopilot.Invalid, ours.Autopilot);
        Assert.Equal(3, ours.MavlinkVersion);
    }

    [Fact]
    public async Task LinkLossAndRegainAreReportedOnTheClock()
    {
        var clock = new FakeTimeProvider();
        var transport = new FakeTransport();
        await using var connection = new MavlinkConnection(transport, new MavlinkConnectionOptions { LinkLossTimeout = TimeSpan.FromSeconds(2) }, clock);
        int lost = 0, regained = 0;
        connection.LinkLost += () => lost++;
        connection.LinkRegained += () => regained++;
        await connection.StartAsync();

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(LinkState.NeverHeard, connection.LinkState);
        Assert.Equal(0, lost);

        await DeliverAsync(connection, transport, FrameBuilder.Heartbeat());
        Assert.Equal(LinkState.Alive, connection.LinkState);
        clock.Advance(TimeSpan.FromSeconds(1.8));
        Assert.Equal(0, lost);
        clock.Advance(TimeSpan.FromSeconds(0.4));
        Assert.Equal(1, lost);
        Assert.Equal(LinkState.Lost, connection.LinkState);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, lost);

        await DeliverAsync(connection, transport, FrameBuilder.Heartbeat());
        await TransportTesting.WaitUntilAsync(() => regained == 1, "link regained");
        Assert.Equal(LinkState.Alive, connection.LinkState);
    }

    [Fact]
    public async Task DiscoveryKeepsTheLatestHeartbeatAndWhenItWasSeen()
    {
        var start = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var transport = new FakeTransport();
        await using var connection = new MavlinkConnection(transport, timeProvider: clock);
        var discovered = new List<VehicleInfo>();
        connection.VehicleDiscovered += discovered.Add;
        await connection.StartAsync();

        await DeliverAsync(connection, transport, FrameBuilder.Heartbeat(89, 0));
        clock.Advance(TimeSpan.FromSeconds(1));
        await DeliverAsync(connection, transport, FrameBuilder.Heartbeat(217, 4));

        var only = Assert.Single(discovered);
        Assert.False(only.IsArmed);
        Assert.True(connection.TryGetVehicle(1, 1, out var latest));
        Assert.True(latest.IsArmed);
        Assert.Equal(4u, latest.CustomMode);
        Assert.Equal(start, latest.FirstSeen);
        Assert.Equal(start.AddSeconds(1), latest.LastSeen);
        Assert.Single(connection.Vehicles);
    }

    [Fact]
    public async Task BadFramesAndThrowingHandlersNeverStopTheReceiveLoop()
    {
        var logger = new FakeLogger();
        var transport = new FakeTransport();
        await using var connection = new MavlinkConnection(transport, new MavlinkConnectionOptions { ProblemLogInterval = TimeSpan.FromHours(1) }, logger: logger);
        int attitudes = 0;
        using var throwing = connection.Subscribe((in AttitudeMessage _, in MavlinkFrame _) => throw new InvalidOperationException("handler bug"));
        using var counting = connection.Subscribe((in AttitudeMessage _, in MavlinkFrame _) => attitudes++);
        await connection.StartAsync();

        byte[] good = FrameBuilder.Encode(new AttitudeMessage { Roll = 1 });
        byte[] badCrc = (byte[])good.Clone();
        badCrc[^1] ^= 0xFF;
        var random = new Random(3);
        for (int round = 0; round < 20; round++)
        {
            byte[] garbage = new byte[random.Next(1, 300)];
            random.NextBytes(garbage);
            transport.Inject(garbage);
            transport.Inject(badCrc);
            transport.Inject(good);
        }

        await TransportTesting.WaitUntilAsync(() => attitudes == 20, () => $"20 attitudes (got {attitudes})");
        Assert.True(connection.BadFrames >= 20);
        Assert.True(connection.HandlerErrors >= 20);
        Assert.Equal(1, logger.Collector.GetSnapshot().Count(r => r.Id.Id == 1010));
        Assert.Equal(1, logger.Collector.GetSnapshot().Count(r => r.Id.Id == 1012));
    }

    [Fact]
    public async Task AReconnectResetsThisLinksParser()
    {
        var transport = new FakeTransport();
        await using var connection = new MavlinkConnection(transport);
        int heartbeats = 0;
        using var _ = connection.Subscribe((in HeartbeatMessage _, in MavlinkFrame _) => heartbeats++);
        await connection.StartAsync();

        byte[] heartbeat = FrameBuilder.Heartbeat();
        transport.Inject(heartbeat.AsSpan(0, 7));
        transport.Reconnect();
        transport.Inject(FrameBuilder.Heartbeat());
        await TransportTesting.WaitUntilAsync(() => heartbeats == 1, "the heartbeat after the reconnect");
        Assert.Equal(0, connection.BadFrames);
        Assert.Equal(0, connection.Statistics.CrcErrors);
    }

    [Fact]
    public async Task ReceivingAndSendingAllocateNothingAfterStartUp()
    {
        var transport = new FakeTransport { KeepSent = false };
        await using var connection = new MavlinkConnection(transport, new MavlinkConnectionOptions { HeartbeatInterval = TimeSpan.FromSeconds(10) });
        float rollSum = 0;
        using var subscription = connection.Subscribe((in AttitudeMessage a, in MavlinkFrame _) => rollSum += a.Roll);
        await transport.StartAsync(CancellationToken.None);

        byte[] stream = [.. FrameBuilder.Encode(new AttitudeMessage { Roll = 1 }), .. FrameBuilder.Heartbeat(), .. FrameBuilder.Encode(new GlobalPositionIntMessage { Lat = 1 })];
        var setpoint = new SetPositionTargetLocalNedMessage { TypeMask = 0x0DC7, CoordinateFrame = 1, Vx = 2 };
        for (int i = 0; i < 100; i++)
        {
            connection.Process(stream);
            _ = connection.SendAsync(in setpoint);
        }

        int rounds = 100;
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                connection.Process(stream);
                ValueTask<bool> sent = connection.SendAsync(in setpoint);
                Assert.True(sent.IsCompletedSuccessfully);
            }

            rounds += 10_000;
        });

        Assert.Equal(rounds, rollSum);
        Assert.Equal(rounds, connection.FramesSent);
        Assert.Equal(0, transport.Counters.SendsDropped);
    }

    private static MavlinkFrame MavlinkFrameOf(byte[] bytes)
    {
        Assert.True(MavlinkFrame.TryWrap(bytes, out var frame, out _));
        return frame;
    }

    private static async Task DeliverAsync(MavlinkConnection connection, FakeTransport transport, byte[] frame)
    {
        long before = connection.Statistics.FramesReceived;
        transport.Inject(frame);
        await TransportTesting.WaitUntilAsync(
            () => connection.Statistics.FramesReceived > before && connection.LinkState == LinkState.Alive, "the frame to be parsed and heard");
    }
}
