using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Mavlink.Connection;

/// <summary>A system/component as its latest HEARTBEAT describes it.</summary>
/// <param name="SystemId">Sender's system id.</param>
/// <param name="ComponentId">Sender's component id.</param>
/// <param name="VehicleType">HEARTBEAT.type (MAV_TYPE), e.g. 2 quadrotor.</param>
/// <param name="Autopilot">HEARTBEAT.autopilot (MAV_AUTOPILOT): 3 ArduPilot, 12 PX4, 8 none (GCS, companion).</param>
/// <param name="BaseMode">HEARTBEAT.base_mode (MAV_MODE_FLAG bits).</param>
/// <param name="CustomMode">HEARTBEAT.custom_mode (autopilot-specific: PX4 main mode in bits 16-23, sub mode in 24-31).</param>
/// <param name="SystemStatus">HEARTBEAT.system_status (MAV_STATE): 3 standby, 4 active, 5 critical.</param>
/// <param name="Version">Framing of the last heartbeat.</param>
/// <param name="FirstSeen">When its first heartbeat arrived.</param>
/// <param name="LastSeen">When its last heartbeat arrived.</param>
public readonly record struct VehicleInfo(
    byte SystemId,
    byte ComponentId,
    MavType VehicleType,
    MavAutopilot Autopilot,
    byte BaseMode,
    uint CustomMode,
    MavState SystemStatus,
    MavlinkVersion Version,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen)
{
    /// <summary>MAV_MODE_FLAG_SAFETY_ARMED.</summary>
    public const byte ArmedFlag = 128;

    /// <summary>Whether the motors are armed (base_mode &amp; 128).</summary>
    public bool IsArmed => (BaseMode & ArmedFlag) != 0;

    /// <summary>Whether this is a flight controller, not a GCS or another companion (autopilot is not INVALID).</summary>
    public bool IsAutopilot => Autopilot != MavAutopilot.Invalid;
}
