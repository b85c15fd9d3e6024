using DroneLiquid.FirmwareBridge.Tests.Fakes;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge.Tests;

public sealed class AutopilotConnectorTests
{
    [Theory]
    [InlineData(MavAutopilot.Generic)]
    [InlineData(MavAutopilot.Slugs)]
    public async Task AnotherAutopilotIsAClearError(MavAutopilot autopilot)
    {
        await using var connection = new MavlinkConnection(new FakeTransport());
        var heard = new VehicleInfo(1, 1, MavType.Quadrotor, autopilot, 0, 0, MavState.Standby, MavlinkVersion.V2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        AutopilotException error = Assert.Throws<AutopilotException>(() => AutopilotConnector.Create(connection, heard));
        Assert.Contains($"reports autopilot {autopilot} ({(int)autopilot})", error.Message);
        Assert.Contains("PX4 (12) and ArduPilot (3)", error.Message);
    }

    [Fact]
    public async Task NoHeartbeatIsAClearErrorAfterTheTimeout()
    {
        await using var connection = new MavlinkConnection(new FakeTransport());
        await connection.StartAsync();
        AutopilotException error = await Assert.ThrowsAsync<AutopilotException>(() =>
            AutopilotConnector.ConnectAsync(connection, new AutopilotOptions { HeartbeatTimeout = TimeSpan.FromSeconds(0.5) }));
        Assert.Equal("connect: no HEARTBEAT from an autopilot within 0.5 s on fake; heard from: nobody", error.Message);
    }

    [Fact]
    public void OptionsNameTheBadValue()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new AutopilotOptions { OffboardEntryRateHz = 2 }.Validate());
        Assert.StartsWith("OffboardEntryRateHz must be from 2.5 Hz to 100 Hz; got 2 Hz", error.Message);
        error = Assert.Throws<ArgumentException>(() => new AutopilotOptions { OffboardEntryDuration = TimeSpan.FromSeconds(1) }.Validate());
        Assert.StartsWith("OffboardEntryDuration must be from 1.01 s to 10 s; got 1 s", error.Message);
    }
}
