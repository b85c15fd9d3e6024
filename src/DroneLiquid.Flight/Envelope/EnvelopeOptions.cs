namespace DroneLiquid.Flight.Envelope;

/// <summary>
/// Limits of the safety envelope (section "Flight:Envelope"). SI units, radians. Plain properties with named
/// defaults; <see cref="EnvelopeOptionsValidator"/> checks them and names the key, the value and what is allowed.
/// </summary>
public sealed class EnvelopeOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Flight:Envelope";

    /// <summary>Default maximum horizontal speed, m/s.</summary>
    public const float DefaultMaxHorizontalSpeed = 5f;

    /// <summary>Default maximum climb rate, m/s.</summary>
    public const float DefaultMaxSpeedUp = 2f;

    /// <summary>Default maximum descent rate, m/s.</summary>
    public const float DefaultMaxSpeedDown = 1f;

    /// <summary>Default maximum yaw rate, rad/s (about 60 °/s).</summary>
    public const float DefaultMaxYawRate = 1.05f;

    /// <summary>Default maximum horizontal acceleration, m/s².</summary>
    public const float DefaultMaxHorizontalAcceleration = 3f;

    /// <summary>Default maximum vertical acceleration, m/s².</summary>
    public const float DefaultMaxVerticalAcceleration = 2f;

    /// <summary>Default geofence radius around home, m.</summary>
    public const float DefaultGeofenceRadius = 100f;

    /// <summary>Default floor, m above home.</summary>
    public const float DefaultMinAltitude = 1f;

    /// <summary>Default ceiling, m above home.</summary>
    public const float DefaultMaxAltitude = 30f;

    /// <summary>Default distance inside a limit where outward motion is already removed, m.</summary>
    public const float DefaultLimitMargin = 2f;

    /// <summary>Default speed of the return inside after a breach, m/s.</summary>
    public const float DefaultBreachReturnSpeed = 1f;

    /// <summary>Default minimum obstacle clearance, m.</summary>
    public const float DefaultMinClearance = 1.5f;

    /// <summary>Maximum horizontal speed, m/s (default 5).</summary>
    public float MaxHorizontalSpeedMetresPerSecond { get; set; } = DefaultMaxHorizontalSpeed;

    /// <summary>Maximum climb rate, m/s (default 2).</summary>
    public float MaxSpeedUpMetresPerSecond { get; set; } = DefaultMaxSpeedUp;

    /// <summary>Maximum descent rate, m/s (default 1).</summary>
    public float MaxSpeedDownMetresPerSecond { get; set; } = DefaultMaxSpeedDown;

    /// <summary>Maximum yaw rate, rad/s (default 1.05).</summary>
    public float MaxYawRateRadiansPerSecond { get; set; } = DefaultMaxYawRate;

    /// <summary>Maximum change of the commanded horizontal velocity, m/s² (default 3).</summary>
    public float MaxHorizontalAccelerationMetresPerSecondSquared { get; set; } = DefaultMaxHorizontalAcceleration;

    /// <summary>Maximum change of the commanded vertical velocity, m/s² (default 2).</summary>
    public float MaxVerticalAccelerationMetresPerSecondSquared { get; set; } = DefaultMaxVerticalAcceleration;

    /// <summary>Radius of the geofence cylinder around home, m (default 100).</summary>
    public float GeofenceRadiusMetres { get; set; } = DefaultGeofenceRadius;

    /// <summary>Floor, m above home (default 1).</summary>
    public float MinAltitudeMetres { get; set; } = DefaultMinAltitude;

    /// <summary>Ceiling, m above home (default 30).</summary>
    public float MaxAltitudeMetres { get; set; } = DefaultMaxAltitude;

    /// <summary>Band inside the fence, floor and ceiling where the outward component is removed, m (default 2).</summary>
    public float LimitMarginMetres { get; set; } = DefaultLimitMargin;

    /// <summary>Speed of the return inside after a fence, floor or ceiling breach, m/s (default 1).</summary>
    public float BreachReturnSpeedMetresPerSecond { get; set; } = DefaultBreachReturnSpeed;

    /// <summary>Minimum obstacle clearance, m (default 1.5); below it horizontal motion stops.</summary>
    public float MinClearanceMetres { get; set; } = DefaultMinClearance;
}
