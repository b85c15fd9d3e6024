using System.Net;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Autopilot.ArduPilot;
using DroneLiquid.Sim.Autopilot.Link;
using DroneLiquid.Sim.Autopilot.Px4;
using DroneLiquid.Sim.Simulation;

namespace DroneLiquid.Sim.Autopilot;

/// <summary>Makes an emulator serving MAVLink where the real SITL does: PX4 on UDP 14580 sending to 14540, ArduPilot on TCP 5760.</summary>
public static class AutopilotEmulatorFactory
{
    public const int Px4ListenPort = 14580;
    public const int Px4PeerPort = 14540;
    public const int ArduPilotTcpPort = 5760;

    /// <summary>The transport the real SITL serves (ports overridable for tests: 0 binds an ephemeral port).</summary>
    public static ITransport CreateTransport(AutopilotKind kind, int listenPort = -1, int px4PeerPort = Px4PeerPort, IPAddress? bind = null)
    {
        IPAddress address = bind ?? IPAddress.Any;
        return kind switch
        {
            AutopilotKind.Px4 => new UdpServerTransport("px4 sitl onboard link", new IPEndPoint(address, listenPort < 0 ? Px4ListenPort : listenPort), initialPeer: new IPEndPoint(IPAddress.Loopback, px4PeerPort)),
            _ => new TcpServerTransport($"tcpin://{address}:{(listenPort < 0 ? ArduPilotTcpPort : listenPort)}", new IPEndPoint(address, listenPort < 0 ? ArduPilotTcpPort : listenPort)),
        };
    }

    public static AutopilotEmulator Create(AutopilotKind kind, SimWorld world, ITransport transport, EmulatorOptions? options = null) => kind switch
    {
        AutopilotKind.Px4 => new Px4Emulator(world, transport, options),
        _ => new ArduPilotEmulator(world, transport, options),
    };

    /// <summary>Parses "px4" or "ardupilot" (case-insensitive); false for anything else.</summary>
    public static bool TryParseKind(string? text, out AutopilotKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "px4":
                kind = AutopilotKind.Px4;
                return true;
            case "ardupilot" or "arducopter":
                kind = AutopilotKind.ArduPilot;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
