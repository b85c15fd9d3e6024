using DroneLiquid.Mavlink.Connection;

namespace DroneLiquid.Service.Host.Options;

/// <summary>The MAVLink link to the autopilot (section "DroneLiquid:Autopilot").</summary>
public sealed class AutopilotLinkOptions
{
    /// <summary>Default connection: PX4 SITL's onboard link (it sends to UDP 14540).</summary>
    public const string DefaultConnection = "udpin://0.0.0.0:14540";

    /// <summary>Default telemetry rate asked of the autopilot, Hz.</summary>
    public const double DefaultTelemetryRateHz = 50;


    /// <summary>
    /// MAVSDK-style connection string: udpin://BIND:PORT, udpout://HOST:PORT, tcpin://BIND:PORT, tcpout://HOST:PORT or
    /// serial:///dev/DEVICE:BAUD (default udpin://0.0.0.0:14540).
    /// </summary>
    public string Connection { get; set; } = DefaultConnection;

    /// <summary>Auto (from the HEARTBEAT), Px4 or ArduPilot (default Auto).</summary>
    public FirmwareSelection Firmware { get; set; } = FirmwareSelection.Auto;

    /// <summary>Our MAVLink system id (default 1, the vehicle's; 1 to 255).</summary>
    public int SystemId { get; set; } = 1;

    /// <summary>Our MAVLink component id (default 191, MAV_COMP_ID_ONBOARD_COMPUTER; 1 to 255).</summary>
    public int ComponentId { get; set; } = MavlinkConnectionOptions.OnboardComputerComponentId;

    /// <summary>A file holding the 32-byte MAVLink 2 signing key (64 hex digits); empty: no signing.</summary>
    public string SigningKeyFile { get; set; } = "";

    /// <summary>Rate asked of the autopilot for position, attitude and IMU telemetry, Hz (default 50; 1 to 400).</summary>
    public double TelemetryRateHz { get; set; } = DefaultTelemetryRateHz;
}
