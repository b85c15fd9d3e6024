namespace DroneLiquid.Flight.Envelope;

/// <summary>Which limits changed the command on one tick (bits; no allocation). None means passed through unchanged.</summary>
[Flags]
public enum EnvelopeInterventions : uint
{
    /// <summary>The command passed through unchanged.</summary>
    None = 0,

    /// <summary>A command value was NaN or infinite: the output is zero velocity and zero yaw rate.</summary>
    NonFiniteCommand = 1 << 0,

    /// <summary>Position, velocity or yaw was not finite: the output is zero velocity and zero yaw rate.</summary>
    NonFiniteState = 1 << 1,

    /// <summary>Horizontal speed scaled down to the maximum (direction kept).</summary>
    HorizontalSpeed = 1 << 2,

    /// <summary>Climb rate clipped to the maximum up speed.</summary>
    VerticalSpeedUp = 1 << 3,

    /// <summary>Descent rate clipped to the maximum down speed.</summary>
    VerticalSpeedDown = 1 << 4,

    /// <summary>Yaw rate clipped to the maximum.</summary>
    YawRate = 1 << 5,

    /// <summary>Change of horizontal velocity limited by the maximum horizontal acceleration.</summary>
    HorizontalAcceleration = 1 << 6,

    /// <summary>Change of vertical velocity limited by the maximum vertical acceleration.</summary>
    VerticalAcceleration = 1 << 7,

    /// <summary>Near the fence: the outward horizontal component was removed.</summary>
    GeofenceOutward = 1 << 8,

    /// <summary>Outside the fence: the command was replaced by a return towards home.</summary>
    GeofenceBreach = 1 << 9,

    /// <summary>Near the ceiling: the climb component was removed.</summary>
    AltitudeMaxOutward = 1 << 10,

    /// <summary>Above the ceiling: the command descends.</summary>
    AltitudeMaxBreach = 1 << 11,

    /// <summary>Near the floor: the descent component was removed.</summary>
    AltitudeMinOutward = 1 << 12,

    /// <summary>Below the floor: the command climbs.</summary>
    AltitudeMinBreach = 1 << 13,

    /// <summary>Obstacle clearance below the minimum: horizontal motion stopped.</summary>
    Clearance = 1 << 14,
}
