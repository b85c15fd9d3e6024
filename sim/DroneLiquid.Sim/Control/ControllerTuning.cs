namespace DroneLiquid.Sim.Control;

/// <summary>
/// Gains and limits of the cascaded controller. Defaults follow PX4's multicopter defaults where the observed
/// SITL behaviour depends on them (MPC_XY_VEL_MAX 12 m/s, MPC_Z_VEL_MAX_UP 3 m/s, MPC_LAND_SPEED 0.7 m/s,
/// COM_DISARM_LAND 2 s, a takeoff climb of about 1.2 m/s). The velocity loop is tuned so that a step of the
/// horizontal velocity setpoint reaches 63% in under 1 s and 95% in under 2.5 s.
/// </summary>
public sealed record ControllerTuning
{
    public float PositionGainPerSecond { get; init; } = 1.0f;

    public float VerticalPositionGainPerSecond { get; init; } = 1.2f;

    public float VelocityGainPerSecond { get; init; } = 1.8f;

    public float VelocityIntegralGainPerSecondSquared { get; init; } = 0.3f;

    public float VerticalVelocityGainPerSecond { get; init; } = 4.0f;

    public float VerticalVelocityIntegralGainPerSecondSquared { get; init; } = 2.0f;

    public float AttitudeGainPerSecond { get; init; } = 8.0f;

    public float YawGainPerSecond { get; init; } = 3.0f;

    public float RateGainPerSecond { get; init; } = 20.0f;

    public float YawRateGainPerSecond { get; init; } = 8.0f;

    public float RateIntegralGainPerSecondSquared { get; init; } = 10.0f;

    /// <summary>Largest tilt the controller commands, radians.</summary>
    public float MaxTiltRadians { get; init; } = 0.61f;

    public float MaxHorizontalSpeedMetresPerSecond { get; init; } = 12f;

    public float MaxClimbRateMetresPerSecond { get; init; } = 3f;

    public float MaxDescentRateMetresPerSecond { get; init; } = 1.5f;

    public float MaxYawRateRadiansPerSecond { get; init; } = 2f;

    public float MaxRollPitchRateRadiansPerSecond { get; init; } = 3.5f;

    /// <summary>Speed in Hold goto and Return cruise, metres per second.</summary>
    public float CruiseSpeedMetresPerSecond { get; init; } = 5f;

    public float TakeoffClimbRateMetresPerSecond { get; init; } = 1.2f;

    public float LandSpeedMetresPerSecond { get; init; } = 0.7f;

    public float ReturnAltitudeMetres { get; init; } = 10f;

    public float DisarmAfterLandSeconds { get; init; } = 2f;

    /// <summary>Setpoint components beyond this magnitude are nonsense and rejected, metres per second (velocities) or metres x 10 (positions).</summary>
    public float SetpointSanityLimitMetresPerSecond { get; init; } = 100f;
}
