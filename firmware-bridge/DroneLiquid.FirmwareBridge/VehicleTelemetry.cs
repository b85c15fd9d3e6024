using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge;

/// <summary>
/// The latest of each telemetry stream the companion computer needs, as the autopilot reported it. Each group
/// carries the <see cref="TimeProvider.GetTimestamp"/> of its arrival (0 = never received), so the tick can
/// judge staleness with <see cref="TimeProvider.GetElapsedTime(long)"/>. Position and velocity are relative to
/// the autopilot's local origin (LOCAL_POSITION_NED), NED; angles in radians; IMU in body FRD.
/// </summary>
public readonly record struct VehicleTelemetry
{
    /// <summary>Arrival of the last HEARTBEAT from the autopilot.</summary>
    public long HeartbeatTimestamp { get; init; }

    public bool Armed { get; init; }

    /// <summary>The mode decoded from the last HEARTBEAT.</summary>
    public ControlMode Mode { get; init; }

    /// <summary>The HEARTBEAT's raw custom_mode (firmware specific), for logs.</summary>
    public uint CustomMode { get; init; }

    public MavState SystemStatus { get; init; }

    /// <summary>From EXTENDED_SYS_STATE when the autopilot sends it; Undefined otherwise.</summary>
    public MavLandedState LandedState { get; init; }

    public long PositionTimestamp { get; init; }

    public float NorthMetres { get; init; }

    public float EastMetres { get; init; }

    public float DownMetres { get; init; }

    public float NorthMetresPerSecond { get; init; }

    public float EastMetresPerSecond { get; init; }

    public float DownMetresPerSecond { get; init; }

    public long AttitudeTimestamp { get; init; }

    public float RollRadians { get; init; }

    public float PitchRadians { get; init; }

    public float YawRadians { get; init; }

    public long ImuTimestamp { get; init; }

    public float GyroXRadiansPerSecond { get; init; }

    public float GyroYRadiansPerSecond { get; init; }

    public float GyroZRadiansPerSecond { get; init; }

    public float AccelXMetresPerSecondSquared { get; init; }

    public float AccelYMetresPerSecondSquared { get; init; }

    public float AccelZMetresPerSecondSquared { get; init; }

    public long BatteryTimestamp { get; init; }

    /// <summary>Remaining charge 0..1, NaN when the autopilot does not know.</summary>
    public float BatteryRemainingFraction { get; init; }

    public float BatteryVolts { get; init; }
}
