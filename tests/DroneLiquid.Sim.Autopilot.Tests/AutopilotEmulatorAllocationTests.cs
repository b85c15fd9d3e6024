using System.Net;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Autopilot.Tests.Harness;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sim.Autopilot.Tests;

public sealed class AutopilotEmulatorAllocationTests
{
    [Fact]
    public async Task A_step_with_px4_default_telemetry_going_out_allocates_nothing_in_steady_state()
    {
        var world = new SimWorld(EmulatorHarness.GroundScenario());
        int port;
        using (var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        ITransport transport = AutopilotEmulatorFactory.CreateTransport(AutopilotKind.Px4, 0, port, IPAddress.Loopback);
        await using AutopilotEmulator emulator = AutopilotEmulatorFactory.Create(AutopilotKind.Px4, world, transport);
        await emulator.StartAsync();
        for (int i = 0; i < 4000; i++)
        {
            emulator.Step();
        }

        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                emulator.Step();
            }
        });
    }
}
