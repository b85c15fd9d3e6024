using System.Net;
using DroneLiquid.Sim.Scenarios;

namespace DroneLiquid.Sim.Autopilot.Sitl;

/// <summary>What <see cref="SitlSession"/> serves: the autopilot, the scenario, the pace, the ports and where results go.</summary>
public sealed record SitlOptions
{
    public required AutopilotKind Autopilot { get; init; }

    public required Scenario Scenario { get; init; }

    /// <summary>Simulated seconds per wall second (1 = real time, 0 = as fast as possible).</summary>
    public double Speed { get; init; } = 1;

    /// <summary>
    /// How far behind the wall clock a stall may leave the simulation and still be caught up (stepping without
    /// sleeping); a longer stall pauses simulated time instead, so a link never delivers more than this of telemetry
    /// in one burst. Seconds, more than 0.
    /// </summary>
    public double MaxCatchUpSeconds { get; init; } = 0.1;

    /// <summary>MAVLink port to serve on; -1 for the real SITL's (PX4 UDP 14580, ArduPilot TCP 5760), 0 for any free port.</summary>
    public int ListenPort { get; init; } = -1;

    /// <summary>PX4 only: where the onboard link streams to before it hears from anyone (PX4 SITL: 14540).</summary>
    public int Px4PeerPort { get; init; } = AutopilotEmulatorFactory.Px4PeerPort;

    public IPAddress Bind { get; init; } = IPAddress.Any;

    /// <summary>Camera stream TCP port (on loopback); -1 for no camera.</summary>
    public int CameraPort { get; init; } = CameraStream.CameraStreamServer.DefaultPort;

    /// <summary>Camera frames per simulated second.</summary>
    public double CameraRateHz { get; init; } = 30;

    /// <summary>Folder for flight.jsonl, flight.png and summary.json; null writes nothing.</summary>
    public string? OutputFolder { get; init; }

    public EmulatorOptions Emulator { get; init; } = new();

    public void Validate()
    {
        if (!double.IsFinite(Speed) || Speed < 0 || Speed > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Speed), Speed, $"speed must be 0 (as fast as possible) or within (0, 1000], got {Speed}");
        }

        if (!double.IsFinite(MaxCatchUpSeconds) || MaxCatchUpSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCatchUpSeconds), MaxCatchUpSeconds, $"the catch-up limit must be a positive number of seconds, got {MaxCatchUpSeconds}");
        }

        if (ListenPort is < -1 or > 65535 || CameraPort is < -1 or > 65535 || Px4PeerPort is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(ListenPort), $"ports must be within 0..65535 (-1 for the default / none); got listen {ListenPort}, camera {CameraPort}, PX4 peer {Px4PeerPort}");
        }

        if (!double.IsFinite(CameraRateHz) || CameraRateHz <= 0 || CameraRateHz > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(CameraRateHz), CameraRateHz, $"camera rate must be within (0, 200] Hz, got {CameraRateHz}");
        }

        Emulator.Validate();
    }
}
