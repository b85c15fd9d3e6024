using System.Net;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Fakes;
using DroneLiquid.Mavlink.Tests.Transports;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Tests.Connection;

/// <summary>A companion connection and a <see cref="FakeAutopilot"/> on real 127.0.0.1 sockets (ephemeral ports).</summary>
internal sealed class Loopback : IAsyncDisposable
{
    private Loopback(MavlinkConnection companion, FakeAutopilot autopilot)
    {
        Companion = companion;
        Autopilot = autopilot;
    }

    public MavlinkConnection Companion { get; }

    public FakeAutopilot Autopilot { get; }

    /// <summary>Companion on udpin (like a PX4 onboard link on 14540), autopilot sending to it from udpout.</summary>
    public static async Task<Loopback> UdpAsync(MavAutopilot autopilot = MavAutopilot.Px4, MavlinkConnectionOptions? options = null)
    {
        var server = new UdpServerTransport("udpin://127.0.0.1:0", new IPEndPoint(IPAddress.Loopback, 0));
        var companion = new MavlinkConnection(server, options);
        await companion.StartAsync();
        var fake = new FakeAutopilot(new UdpClientTransport("udpout", "127.0.0.1", server.LocalEndPoint!.Port), autopilot);
        await fake.StartAsync();
        return new Loopback(companion, fake);
    }

    /// <summary>Autopilot serving TCP (like ArduPilot SITL on 5760), companion connecting with tcpout.</summary>
    public static async Task<Loopback> TcpAsync(MavAutopilot autopilot = MavAutopilot.Ardupilotmega)
    {
        var server = new TcpServerTransport("tcpin://127.0.0.1:0", new IPEndPoint(IPAddress.Loopback, 0), TransportTesting.FastReconnect);
        var fake = new FakeAutopilot(server, autopilot);
        await fake.StartAsync();
        var client = new TcpClientTransport("tcpout", "127.0.0.1", server.LocalEndPoint!.Port, TransportTesting.FastReconnect);
        var companion = new MavlinkConnection(client);
        await companion.StartAsync();
        return new Loopback(companion, fake);
    }

    public async Task<VehicleInfo> WaitForAutopilotAsync()
    {
        VehicleInfo? vehicle = await Companion.WaitForAutopilotAsync(TransportTesting.Timeout);
        Assert.True(vehicle.HasValue, "no autopilot heartbeat within the timeout");
        return vehicle.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await Companion.DisposeAsync();
        await Autopilot.DisposeAsync();
    }
}
