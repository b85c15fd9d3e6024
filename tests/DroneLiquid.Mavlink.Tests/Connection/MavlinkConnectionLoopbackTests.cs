using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Transports;

namespace DroneLiquid.Mavlink.Tests.Connection;

public class MavlinkConnectionLoopbackTests
{
    [Fact]
    public async Task OverUdpBothSidesDiscoverEachOtherFromHeartbeats()
    {
        await using var link = await Loopback.UdpAsync();
        VehicleInfo vehicle = await link.WaitForAutopilotAsync();
        Assert.Equal((1, 1), (vehicle.SystemId, vehicle.ComponentId));
        Assert.Equal(MavAutopilot.Px4, vehicle.Autopilot);
        Assert.Equal(MavType.Quadrotor, vehicle.VehicleType);
        Assert.Equal(29, vehicle.BaseMode);
        Assert.Equal(0x03040000u, vehicle.CustomMode);
        Assert.Equal(MavState.Standby, vehicle.SystemStatus);
        Assert.False(vehicle.IsArmed);
        Assert.Equal(LinkState.Alive, link.Companion.LinkState);

        // The autopilot hears our heartbeat: onboard controller, no autopilot, component 191.
        await TransportTesting.WaitUntilAsync(() => link.Autopilot.Connection.TryGetVehicle(1, 191, out _), "the companion's heartbeat");
        Assert.True(link.Autopilot.Connection.TryGetVehicle(1, 191, out VehicleInfo companion));
        Assert.Equal(MavType.OnboardController, companion.VehicleType);
        Assert.Equal(MavAutopilot.Invalid, companion.Autopilot);
        Assert.False(companion.IsAutopilot);
    }

    [Fact]
    public async Task OverTcpBothSidesDiscoverEachOtherAndSeeArming()
    {
        await using var link = await Loopback.TcpAsync();
        VehicleInfo vehicle = await link.WaitForAutopilotAsync();
        Assert.Equal(MavAutopilot.Ardupilotmega, vehicle.Autopilot);
        await TransportTesting.WaitUntilAsync(() => link.Autopilot.Connection.TryGetVehicle(1, 191, out _), "the companion's heartbeat");

        // Arm (base_mode 209 = armed STABILIZE on ArduPilot): the next heartbeat shows it.
        link.Autopilot.Connection.SetHeartbeatState(209, 0, MavState.Active);
        await TransportTesting.WaitUntilAsync(
            () => link.Companion.TryGetVehicle(1, 1, out var v) && v.IsArmed, "the armed heartbeat");
        Assert.True(link.Companion.TryGetVehicle(1, 1, out var armed));
        Assert.Equal(MavState.Active, armed.SystemStatus);
    }

    [Fact]
    public async Task TypedSubscribersReceiveDecodedMessages()
    {
        await using var link = await Loopback.UdpAsync();
        await link.WaitForAutopilotAsync();
        var received = new TaskCompletionSource<(float Roll, byte System)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = link.Companion.Subscribe((in AttitudeMessage a, in MavlinkFrame f) => received.TrySetResult((a.Roll, f.SystemId)));
        var attitude = new AttitudeMessage { Roll = 0.25f, TimeBootMs = 1234 };
        Assert.True(await link.Autopilot.Connection.SendAsync(in attitude));
        var (roll, system) = await received.Task.WaitAsync(TransportTesting.Timeout);
        Assert.Equal(0.25f, roll);
        Assert.Equal(1, system);
    }
}
